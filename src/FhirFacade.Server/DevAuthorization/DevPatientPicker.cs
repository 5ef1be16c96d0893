using FhirFacade.Core.Identity;
using FhirFacade.Core.Location;
using FhirFacade.Core.Search;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.DevAuthorization;

/// <summary>
/// The patients the development issuer offers for a launch. Beside simulated suppliers, every demo
/// patient (<see cref="SimulatedSuppliers.DemoPatients"/>, the simulators' own records) at the practice they are
/// registered with, named as this server's organisation directory names it, with what is special about
/// the record; then any configured under <c>DevAuthorization:Patients</c>. Built once.
/// </summary>
public sealed class DevPatientPicker
{
    private readonly Lazy<IReadOnlyList<DevPatientChoice>> _choices;

    public DevPatientPicker(IOptions<DevAuthorizationOptions> options, ResourceIdCodec ids, IOrganisationDirectory directory, SimulatedSuppliers? simulated)
    {
        ArgumentNullException.ThrowIfNull(options);
        _choices = new Lazy<IReadOnlyList<DevPatientChoice>>(() =>
        [
            .. options.Value.DemoPatients && simulated is not null ? DemoChoices(simulated.DemoPatients, ids, directory) : Enumerable.Empty<DevPatientChoice>(),
            .. options.Value.Patients.Where(p => p.Id.Length > 0),
        ]);
    }

    /// <summary>Every patient offered, demo patients first.</summary>
    public IReadOnlyList<DevPatientChoice> Choices => _choices.Value;

    /// <summary>The offered patient with this facade Patient id, if any.</summary>
    public DevPatientChoice? Find(string? patientId) =>
        string.IsNullOrEmpty(patientId) ? null : Choices.FirstOrDefault(c => c.Id == patientId);

    // A demo patient whose practice is not in the directory cannot be read through this server: not offered.
    private static IEnumerable<DevPatientChoice> DemoChoices(IReadOnlyList<SimulatedDemoPatient> patients, ResourceIdCodec ids, IOrganisationDirectory directory)
    {
        foreach (var patient in patients)
        {
            var ods = patient.RegisteredPracticeOds;
            if (!directory.TryGet(ods, out var practice))
            {
                continue;
            }

            yield return new DevPatientChoice
            {
                Id = ids.Encode(FhirResourceTypes.Patient, new FacadeResourceId(practice.Supplier, practice.OdsCode, patient.NhsNumber)),
                NhsNumber = patient.NhsNumber,
                Supplier = practice.Supplier,
                OrganisationOds = practice.OdsCode,
                Label = $"{patient.Name}, NHS number {patient.NhsNumber}, {practice.Name} ({practice.OdsCode}, {practice.Supplier}): {patient.Special}",
            };
        }
    }
}
