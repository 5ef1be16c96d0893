using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Vision.Mapping;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Suppliers.Vision.Tests.Mapping;

/// <summary>
/// Every extension the Vision mappers emit sits where its definition's context allows (issue #14): the
/// whole accepted demo record (patient, problems, allergies, medications and their statements) mapped.
/// </summary>
[Trait("Category", "Unit")]
public sealed class VisionMapperExtensionContextTests
{
    [Fact]
    public void Map_WholeRecord_EveryExtensionIsInItsContext()
    {
        var record = VisionMessages.Record(VisionMessages.Accepted("C1"));
        var context = MappedJson.Context();
        var resources = new List<Resource?> { VisionPatientMapper.Map(record.Patient, context) };
        resources.AddRange(record.Problems.Select(p => VisionConditionMapper.Map(p, context)));
        resources.AddRange(record.Allergies.Select(a => VisionAllergyIntoleranceMapper.Map(a, context)));
        resources.AddRange(record.Medications.Select(m => VisionMedicationStatementMapper.Map(m, context)));
        resources.AddRange(record.Medications.Select(m => VisionMedicationMapper.Map(m, context)));
        var nodes = resources.OfType<Resource>().Select(r => r.ToElementNode(TestFhir.Model)).ToList();

        var misplaced = nodes.SelectMany(ExtensionContextCheck.Misplaced).ToList();

        nodes.Sum(ExtensionContextCheck.CountExtensions).Should().BeGreaterThan(0, "the record has a resolved allergy and NHS number verification");
        misplaced.Should().BeEmpty();
    }
}
