using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Location;

/// <summary>
/// Locates a patient's records by asking every organisation in the directory, in parallel, whether
/// it holds the NHS number (each call under the per-supplier timeout). Organisations whose supplier
/// has no registered adapter are skipped.
/// </summary>
internal sealed class DirectoryRecordLocator(IOrganisationDirectory directory, SupplierAdapterRegistry adapters, SupplierCallRunner runner) : IRecordLocator
{
    public async Task<RecordLocation> LocateAsync(NhsNumber nhsNumber, CancellationToken cancellationToken)
    {
        var candidates = directory.All
            .Select(o => (Organisation: o, Adapter: adapters.TryGet(o.Supplier, out var a) ? a : null))
            .Where(c => c.Adapter is not null)
            .ToList();
        var answers = await Task.WhenAll(candidates.Select(c =>
            runner.RunAsync(c.Adapter!, c.Organisation, "holds-patient", ct => c.Adapter!.HoldsPatientAsync(c.Organisation, nhsNumber, ct), cancellationToken)));

        var holders = new List<RecordHolder>();
        var issues = new List<Issue>();
        var failures = new List<SupplierFailure>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var answer = answers[i];
            if (!answer.Succeeded)
            {
                failures.Add(answer.Failure!);
                issues.Add(answer.Issue!);
            }
            else if (answer.Value)
            {
                holders.Add(new RecordHolder(candidates[i].Organisation, candidates[i].Adapter!, new PatientSelector(nhsNumber, null)));
            }
        }

        return new RecordLocation(holders, issues, failures);
    }

    /// <summary>Nothing to forget: every location is asked afresh.</summary>
    public void Forget(NhsNumber nhsNumber)
    {
    }
}
