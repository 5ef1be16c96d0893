using FhirFacade.Core.Suppliers;
using FhirFacade.Suppliers.Vision.Tests.Mllp;
using Microsoft.Extensions.DependencyInjection;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Vision.Tests;

/// <summary>
/// Vision answers a patient-scoped search or read with a record whose PID-3 names no NHS number (a scripted MLLP
/// server): the record reader already refuses it as malformed, so nothing of it is mapped and no mapper sees an empty
/// patient id. These pin that behaviour.
/// </summary>
[Trait("Category", "Integration")]
public sealed class VisionSupplierAdapterUnnamedRecordTests(VisionAdapterFixture fixture) : IClassFixture<VisionAdapterFixture>
{
    /// <summary>How PID-3 names no patient → the PID segment answered.</summary>
    private static readonly Dictionary<string, string> Unnamed = new(StringComparer.Ordinal)
    {
        ["no NHS identifier"] = VisionMessages.Pid.Replace("9990000034^^^NHS^NH~", string.Empty, StringComparison.Ordinal),
        ["empty NHS identifier"] = VisionMessages.Pid.Replace("9990000034^^^NHS^NH", "^^^NHS^NH", StringComparison.Ordinal),
    };

    public static TheoryData<string, string> Searches => Rows(T.Patient, T.Condition, T.AllergyIntolerance, T.MedicationStatement);

    public static TheoryData<string, string> Reads => Rows(T.Patient, T.Condition, T.AllergyIntolerance, T.MedicationStatement, T.Medication, T.Practitioner);

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task SearchAsync_RecordNamesNoPatient_ThrowsMalformed(string unnamed, string resourceType)
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Accepted(q.ControlId, pid: Unnamed[unnamed])));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var search = () => sut.SearchAsync(Oakfield(server), VisionAdapterFixture.Query(resourceType, VisionMessages.Nhs), CancellationToken.None);

        var thrown = (await search.Should().ThrowAsync<SupplierException>()).Which;
        thrown.Kind.Should().Be(SupplierFailureKind.Malformed);
        thrown.Message.Should().NotContain(VisionMessages.Nhs).And.NotContain("Ellwood");
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task ReadAsync_RecordNamesNoPatient_ThrowsMalformed(string unnamed, string resourceType)
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Accepted(q.ControlId, pid: Unnamed[unnamed])));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var read = () => sut.ReadAsync(Oakfield(server), resourceType, NativeId(resourceType), CancellationToken.None);

        var thrown = (await read.Should().ThrowAsync<SupplierException>()).Which;
        thrown.Kind.Should().Be(SupplierFailureKind.Malformed);
        thrown.Message.Should().NotContain(VisionMessages.Nhs).And.NotContain("Ellwood");
    }

    [Fact]
    public async Task ReadAsync_RecordNamesTheAskedPatient_MapsIt()
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Accepted(q.ControlId)));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var read = await sut.ReadAsync(Oakfield(server), T.Condition, NativeId(T.Condition), CancellationToken.None);

        read.Resource.Should().NotBeNull();
        read.Resource!.NativeId.Should().Be(NativeId(T.Condition));
    }

    private static TheoryData<string, string> Rows(params string[] resourceTypes)
    {
        var rows = new TheoryData<string, string>();
        foreach (var unnamed in Unnamed.Keys)
        {
            foreach (var resourceType in resourceTypes)
            {
                rows.Add(unnamed, resourceType);
            }
        }

        return rows;
    }

    private static OrganisationEndpoint Oakfield(ScriptedMllpServer server) => VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint);

    private static string NativeId(string resourceType) => resourceType switch
    {
        T.Patient => VisionMessages.Nhs,
        T.Condition => VisionMessages.Nhs + "/P35000",
        T.AllergyIntolerance => VisionMessages.Nhs + "/A35003",
        T.Practitioner => VisionMessages.Nhs + "/555000300011",
        _ => VisionMessages.Nhs + "/M35004",
    };
}
