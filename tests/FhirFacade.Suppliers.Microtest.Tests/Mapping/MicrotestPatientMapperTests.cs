using System.Text.Json.Nodes;
using FhirFacade.Suppliers.Microtest.Mapping;
using FhirFacade.Suppliers.Microtest.Native;

namespace FhirFacade.Suppliers.Microtest.Tests.Mapping;

[Trait("Category", "Unit")]
public sealed class MicrotestPatientMapperTests
{
    [Fact]
    public void Map_RegisteredPatient_MatchesSnapshot()
    {
        var context = MapperSnapshot.Context();
        var patient = MapperSnapshot.Native<MicrotestPatient>("patient-okonkwo");

        var resource = MicrotestPatientMapper.Map(patient, context);

        var (actual, expected) = MapperSnapshot.Compare(resource!, "patient-okonkwo");
        JsonNode.DeepEquals(actual, expected).Should().BeTrue(actual.ToJsonString());
        context.Issues.Should().BeEmpty();
    }

    [Fact]
    public void Map_TemporaryResident_HasNoOrganizationAsGeneralPractitioner()
    {
        var patient = MapperSnapshot.Native<MicrotestPatient>("patient-okonkwo");
        patient = patient with { Registration = patient.Registration! with { Type = "TemporaryResident" } };

        var resource = MicrotestPatientMapper.Map(patient, MapperSnapshot.Context());

        resource!.GeneralPractitioner.Should().ContainSingle().Which.Identifier!.Value.Should().Be("555000401001");
    }
}
