using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Location;
using FhirFacade.Core.Merging;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Tests.Merging;

[Trait("Category", "Unit")]
public sealed class ResourceMergerTests
{
    private const string Nhs = "9000000009";

    public static TheoryData<string, Func<string, string, Resource>, Func<string, string, Resource>> NotDuplicates => new()
    {
        { "another code", (o, n) => Problem(o, n), (o, n) => Problem(o, n, code: "38341003") },
        { "another onset precision", (o, n) => Problem(o, n), (o, n) => Problem(o, n, onset: "2018-05-01") },
        { "another clinical status", (o, n) => Problem(o, n), (o, n) => Problem(o, n, clinicalStatus: "resolved") },
        { "an abatement", (o, n) => Problem(o, n), (o, n) => Problem(o, n, abatement: "2019") },
        { "no code at all", (o, n) => Problem(o, n, code: null), (o, n) => Problem(o, n, code: null) },
        { "another allergy verification status", (o, n) => Allergy(o, n), (o, n) => Allergy(o, n, verification: "unconfirmed") },
        { "another medication status", (o, n) => Statement(o, n), (o, n) => Statement(o, n, status: "completed") },
        { "another medication period", (o, n) => Statement(o, n), (o, n) => Statement(o, n, start: "2024-01-09") },
    };

    [Fact]
    public void Merge_WhenTwoSourcesHoldTheSameProblem_ReturnsOneTaggedWithBoth()
    {
        var sut = CreateSut();
        var matches = new[] { Gateway(Problem("A1", "p1"), "A1", "p1"), Gateway(Problem("B2", "p2"), "B2", "p2") };
        var issues = new List<Issue>();

        var merged = sut.Merge(matches, [], issues);

        var kept = merged.Should().ContainSingle().Subject;
        kept.Source.NativeId.Should().Be("p1");
        kept.Resource.Child("meta")!.ChildrenNamed("tag")
            .Select(t => (t.Child("system")!.Text, t.Child("code")!.Text, t.Child("display")!.Text))
            .Should().Equal(
                (RecordSourceTags.System, "fake:A1", "Fake fake at Practice A (A1)"),
                (RecordSourceTags.System, "fake:B2", "Fake fake at Practice B (B2)"));
        kept.Resource.Child("meta")!.Child("source")!.Text.Should().Be(ResourceSource.For("fake", "A1"));
        issues.Should().ContainSingle().Which.Should().Match<Issue>(i =>
            i.Code == "MERGED-DUPLICATE" && i.Severity == IssueSeverity.Information && i.Message.Contains("Practice A (A1)") && i.Message.Contains("Practice B (B2)"));
    }

    [Theory]
    [MemberData(nameof(NotDuplicates))]
    public void Merge_WhenResourcesDifferInCodeDateOrStatus_KeepsBoth(string difference, Func<string, string, Resource> first, Func<string, string, Resource> second)
    {
        var sut = CreateSut();
        var matches = new[] { Gateway(first("A1", "x1"), "A1", "x1"), Gateway(second("B2", "x2"), "B2", "x2") };
        var issues = new List<Issue>();

        var merged = sut.Merge(matches, Medications(), issues);

        merged.Select(m => m.Source.NativeId).Should().Equal(["x1", "x2"], "they differ in {0}", difference);
        issues.Should().BeEmpty();
    }

    [Fact]
    public void Merge_WhenTheSameSourceHoldsTwoIdenticalEntries_KeepsBothAndMergesTheOtherSourceIntoTheFirst()
    {
        var sut = CreateSut();
        var matches = new[]
        {
            Gateway(Problem("A1", "p1"), "A1", "p1"),
            Gateway(Problem("A1", "p2"), "A1", "p2"),
            Gateway(Problem("B2", "p3"), "B2", "p3"),
        };

        var merged = sut.Merge(matches, [], new List<Issue>());

        merged.Select(m => m.Source.NativeId).Should().Equal("p1", "p2");
        merged[0].Resource.Child("meta")!.ChildrenNamed("tag").Should().HaveCount(2);
        merged[1].Resource.Child("meta")!.ChildrenNamed("tag").Should().BeEmpty();
    }

    [Fact]
    public void Merge_WhenStatementsReferenceDifferentMedicationsWithTheSameDmdCode_MergesThem()
    {
        var sut = CreateSut();
        var matches = new[] { Gateway(Statement("A1", "m1"), "A1", "m1"), Gateway(Statement("B2", "m2"), "B2", "m2") };
        var issues = new List<Issue>();

        var merged = sut.Merge(matches, Medications(), issues);

        merged.Should().ContainSingle().Which.Source.NativeId.Should().Be("m1");
        issues.Should().ContainSingle(i => i.Code == "MERGED-DUPLICATE");
    }

    [Fact]
    public void Merge_WhenStatementsReferenceMedicationsWithDifferentDmdCodes_KeepsBoth()
    {
        var sut = CreateSut();
        var medications = Medications().ToList();
        medications[1] = Supplier(Medication("B2", "m2", "56211000001102"), "m2");
        var matches = new[] { Gateway(Statement("A1", "m1"), "A1", "m1"), Gateway(Statement("B2", "m2"), "B2", "m2") };

        var merged = sut.Merge(matches, medications, new List<Issue>());

        merged.Should().HaveCount(2);
    }

    [Fact]
    public void Merge_WhenOneSourceOnly_ReturnsTheMatchesUntouched()
    {
        var sut = CreateSut();
        var matches = new[] { Gateway(Problem("A1", "p1"), "A1", "p1"), Gateway(Problem("A1", "p2"), "A1", "p2") };

        var merged = sut.Merge(matches, [], new List<Issue>());

        merged.Should().BeSameAs(matches);
    }

    [Fact]
    public void Merge_WhenSeveralOrganisationsHoldThePatient_ReturnsTheRegisteredPracticesPatient()
    {
        var sut = CreateSut();
        var matches = new[]
        {
            Gateway(Patient("A1", "pa", registeredAt: null), "A1", "pa"),
            Gateway(Patient("B2", "pb", registeredAt: "B2"), "B2", "pb"),
        };
        var issues = new List<Issue>();

        var merged = sut.Merge(matches, [], issues);

        merged.Should().ContainSingle().Which.Source.NativeId.Should().Be("pb");
        issues.Should().ContainSingle().Which.Should().Match<Issue>(i =>
            i.Code == "PATIENT-REGISTERED-SOURCE" && i.Message.Contains("Practice B (B2)") && i.Message.Contains("Practice A (A1)"));
    }

    [Fact]
    public void Merge_WhenNoHolderIsTheRegisteredPractice_ReturnsEveryPatientAndSaysWhy()
    {
        var sut = CreateSut();
        var matches = new[]
        {
            Gateway(Patient("A1", "pa", registeredAt: null), "A1", "pa"),
            Gateway(Patient("B2", "pb", registeredAt: "Z99"), "B2", "pb"),
        };
        var issues = new List<Issue>();

        var merged = sut.Merge(matches, [], issues);

        merged.Select(m => m.Source.NativeId).Should().Equal("pa", "pb");
        issues.Should().ContainSingle(i => i.Code == "PATIENT-SEVERAL-SOURCES");
    }

    private static ResourceMerger CreateSut()
    {
        var adapter = new FakeSupplierAdapter();
        var directory = new ConfiguredOrganisationDirectory(Options.Create(new OrganisationDirectoryOptions
        {
            Organisations =
            [
                new OrganisationEndpoint { OdsCode = "A1", Name = "Practice A", Supplier = adapter.SupplierId, Endpoint = new Uri("http://127.0.0.1:1/") },
                new OrganisationEndpoint { OdsCode = "B2", Name = "Practice B", Supplier = adapter.SupplierId, Endpoint = new Uri("http://127.0.0.1:1/") },
            ],
        }));
        return new ResourceMerger(new SupplierAdapterRegistry([adapter]), directory, FhirKernel.Default, TestResourceIds.Codec);
    }

    private static string Id(string resourceType, string ods, string nativeId) => TestResourceIds.Encode(resourceType, "fake", ods, nativeId);

    private static Meta MetaFor(string ods) => new() { SourceElement = new FhirUri(ResourceSource.For("fake", ods)) };

    private static Condition Problem(string ods, string nativeId, string? code = "84114007", string onset = "2018-05", string clinicalStatus = "active", string? abatement = null) => new()
    {
        Id = Id("Condition", ods, nativeId),
        Meta = MetaFor(ods),
        ClinicalStatus = new CodeableConcept(FhirSystems.ConditionClinical, clinicalStatus),
        VerificationStatus = new CodeableConcept(FhirSystems.ConditionVerificationStatus, "confirmed"),
        Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item")],
        Code = code is null ? new CodeableConcept { Text = "Heart failure" } : new CodeableConcept(FhirSystems.Snomed, code, "Heart failure"),
        Subject = Reference.To("Patient", Id("Patient", ods, "patient")),
        Onset = new FhirDateTime(onset),
        Abatement = abatement is null ? null : new FhirDateTime(abatement),
    };

    private static AllergyIntolerance Allergy(string ods, string nativeId, string verification = "confirmed") => new()
    {
        Id = Id("AllergyIntolerance", ods, nativeId),
        Meta = MetaFor(ods),
        ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active"),
        VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", verification),
        Code = new CodeableConcept(FhirSystems.Snomed, "387458008", "Aspirin"),
        Patient = Reference.To("Patient", Id("Patient", ods, "patient")),
        Onset = new FhirDateTime("1999"),
    };

    private static MedicationStatement Statement(string ods, string nativeId, string status = "active", string start = "2024-01-08") => new()
    {
        Id = Id("MedicationStatement", ods, nativeId),
        Meta = MetaFor(ods),
        Status = status,
        Medication = Reference.To("Medication", Id("Medication", ods, nativeId)),
        Subject = Reference.To("Patient", Id("Patient", ods, "patient")),
        Effective = new Period { Start = start },
    };

    private static Medication Medication(string ods, string nativeId, string dmd) => new()
    {
        Id = Id("Medication", ods, nativeId),
        Meta = MetaFor(ods),
        Code = new CodeableConcept(FhirSystems.Dmd, dmd),
    };

    private static Patient Patient(string ods, string nativeId, string? registeredAt)
    {
        var patient = new Patient { Id = Id("Patient", ods, nativeId), Meta = MetaFor(ods) };
        if (registeredAt is not null)
        {
            patient.GeneralPractitioner.Add(Reference.To("Organization", Id("Organization", ods, registeredAt)));
        }

        return patient;
    }

    private static SupplierResource[] Medications() =>
    [
        Supplier(Medication("A1", "m1", "7493911000001100"), "m1"),
        Supplier(Medication("B2", "m2", "7493911000001100"), "m2"),
        Supplier(Medication("A1", "x1", "7493911000001100"), "x1"),
        Supplier(Medication("B2", "x2", "7493911000001100"), "x2"),
    ];

    private static SupplierResource Supplier(Resource resource, string nativeId) =>
        new(resource.TypeName, nativeId, resource.ToElementNode(FhirKernel.Default.Model), null, Nhs, "patient");

    private static GatewayResource Gateway(Resource resource, string ods, string nativeId) => new(Supplier(resource, nativeId), "fake", ods);
}
