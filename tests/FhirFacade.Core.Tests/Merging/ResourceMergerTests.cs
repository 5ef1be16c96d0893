using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Location;
using FhirFacade.Core.Merging;
using FhirFacade.Core.Suppliers;
using FhirFacade.Core.Validation;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Fhir.Validation;
using FhirFacade.TestKit.Metrics;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Tests.Merging;

[Trait("Category", "Unit")]
public sealed class ResourceMergerTests
{
    private const string Nhs = "9000000009";

    // The production validator (UK Core packages, FHIRPath invariants), built once for the tests that need a real rule to break.
    private static readonly Lazy<IResourceValidator> UkCore = new(() => new UkCoreResourceValidator(FhirValidation.CreateValidator(FhirKernel.Default.Packages, FhirKernel.Default.Model)));

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

    [Fact]
    public void Merge_WhenTwoSourcesHoldTheSameProblem_TagsTheSurvivorsOwnTreeWithoutACopy()
    {
        var sut = CreateSut();
        var matches = new[] { Gateway(Problem("A1", "p1"), "A1", "p1"), Gateway(Problem("B2", "p2"), "B2", "p2") };
        var idNode = matches[0].Resource.Child("id");

        var merged = sut.Merge(matches, [], new List<Issue>());

        var kept = merged.Should().ContainSingle().Subject;
        kept.Should().BeSameAs(matches[0]);
        kept.Resource.Should().BeSameAs(matches[0].Resource);
        kept.Resource.Child("id").Should().BeSameAs(idNode, "the tree is tagged where it is, not rebuilt");
        var meta = kept.Resource.Child("meta")!;
        meta.Children.Select(c => c.Name).Should().Equal("source", "tag", "tag");
        meta.ChildrenNamed("tag").Select(t => (t.Index, t.Location, t.Child("code")!.InstanceType)).Should().Equal(
            (0, "Condition.meta.tag[0]", "code"),
            (1, "Condition.meta.tag[1]", "code"));
    }

    [Fact]
    public void Merge_WhenTheSurvivorHasNoMeta_AddsItWhereTheDefinitionOrderPutsIt()
    {
        var sut = CreateSut();
        var first = Problem("A1", "p1");
        first.Meta = null;
        var matches = new[] { Gateway(first, "A1", "p1"), Gateway(Problem("B2", "p2"), "B2", "p2") };

        var merged = sut.Merge(matches, [], new List<Issue>());

        var kept = merged.Should().ContainSingle().Subject.Resource;
        kept.Children.Select(c => c.Name).Take(2).Should().Equal("id", "meta");
        kept.Children.Select(c => c.Definition!.Order).Should().BeInAscendingOrder();
        var meta = kept.Child("meta")!;
        (meta.InstanceType, meta.Location).Should().Be(("Meta", "Condition.meta"));
        meta.ChildrenNamed("tag").Select(t => t.Child("code")!.Text).Should().Equal("fake:A1", "fake:B2");
    }

    [Fact]
    public void Merge_WhenTheTagMakesTheMergedResourceInvalid_WithholdsItAndNamesEverySource()
    {
        // "B2 " (a trailing space) is not a valid FHIR code, so the tag "fake:B2 " breaks the survivor, which was valid as mapped.
        var sut = CreateSut(UkCore.Value, ValidationPolicy.Enforce);
        var other = Gateway(Problem("A1", "p3", code: "38341003"), "A1", "p3");
        var matches = new[] { Gateway(Problem("A1", "p1"), "A1", "p1"), Gateway(Problem("B2 ", "p2"), "B2 ", "p2"), other };
        UkCore.Value.Validate(matches[0].Resource).Should().NotContain(i => i.IsError, "the survivor is valid until it is tagged");
        var issues = new List<Issue>();

        var merged = sut.Merge(matches, [], issues);

        merged.Should().ContainSingle().Which.Should().BeSameAs(other, "the merged Condition is withheld and nothing else is");
        issues.Should().NotContain(i => i.Code == "MERGED-DUPLICATE");
        issues.Should().ContainSingle(i => i.Code == "VALIDATION-WITHHELD").Which.Message.Should()
            .Be("A Condition from Fake fake at Practice A (A1) and Fake fake at B2 , merged into one entry, does not conform to its UK Core profile and was withheld.");
        issues.Should().Contain(i => i.Code == "VAL-PRIMITIVE" && i.Location == "Condition.meta.tag[1].code" && i.Severity == IssueSeverity.Warning);
    }

    [Fact]
    public void Merge_WhenTheTagMakesTheMergedResourceInvalidUnderReport_ReleasesItAndSaysSo()
    {
        var sut = CreateSut(UkCore.Value, ValidationPolicy.Report);
        var matches = new[] { Gateway(Problem("A1", "p1"), "A1", "p1"), Gateway(Problem("B2 ", "p2"), "B2 ", "p2") };
        var issues = new List<Issue>();

        var merged = sut.Merge(matches, [], issues);

        merged.Should().ContainSingle().Which.Resource.Child("meta")!.ChildrenNamed("tag").Should().HaveCount(2);
        issues.Select(i => i.Code).Should().ContainInOrder("VALIDATION-REPORTED", "VAL-PRIMITIVE", "MERGED-DUPLICATE");
    }

    [Fact]
    public void Merge_WhenMerged_ValidatesTheTaggedFormOnceAndOnlyTheSurvivor()
    {
        var validator = new RecordingValidator();
        var sut = CreateSut(validator, ValidationPolicy.Enforce);
        var matches = new[] { Gateway(Problem("A1", "p1"), "A1", "p1"), Gateway(Problem("B2", "p2"), "B2", "p2"), Gateway(Allergy("A1", "a1"), "A1", "a1") };

        sut.Merge(matches, [], new List<Issue>());

        validator.Seen.Should().ContainSingle().Which.Should().Equal(["fake:A1", "fake:B2"]);
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

    private static ResourceMerger CreateSut(IResourceValidator? validator = null, ValidationPolicy policy = ValidationPolicy.Enforce)
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
        var validation = new ResourceValidationStep(
            validator ?? new FakeResourceValidator(),
            Options.Create(new ValidationOptions { Policy = policy }),
            new ValidationMetrics(TestMeters.NewFactory()),
            NullLogger<ResourceValidationStep>.Instance);
        return new ResourceMerger(new SupplierAdapterRegistry([adapter]), directory, FhirKernel.Default, TestResourceIds.Codec, validation);
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

    /// <summary>Finds nothing wrong; remembers the record-source tag codes of every resource it was asked about.</summary>
    private sealed class RecordingValidator : IResourceValidator
    {
        public List<string?[]> Seen { get; } = [];

        public IReadOnlyList<Issue> Validate(ElementNode resource)
        {
            Seen.Add(resource.Child("meta")?.ChildrenNamed("tag").Select(t => t.Child("code")?.Text).ToArray() ?? []);
            return [];
        }
    }
}
