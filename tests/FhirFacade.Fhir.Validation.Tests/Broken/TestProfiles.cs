using System.Text.Json;
using FhirFacade.Fhir.Validation.Definitions;

namespace FhirFacade.Fhir.Validation.Tests.Broken;

/// <summary>
/// Test-only profiles derived from the generated UKCore-Patient snapshot, each changing one facet, for
/// rules the seven UK Core profiles do not use (fixed and pattern values, maxLength, maxValue, closed/
/// ordered/openAtEnd slicing, pattern/type/exists/profile discriminators). Served ahead of the real
/// definitions by <see cref="Resolver"/>.
/// </summary>
internal static class TestProfiles
{
    public const string Base = "https://test.fhirfacade.example/StructureDefinition/";
    public const string Fixed = Base + "fixed";
    public const string Pattern = Base + "pattern";
    public const string MaxLength = Base + "max-length";
    public const string MaxValue = Base + "max-value";
    public const string Closed = Base + "closed";
    public const string Ordered = Base + "ordered";
    public const string OpenAtEnd = Base + "open-at-end";
    public const string SliceMin = Base + "slice-min";
    public const string PatternDiscriminator = Base + "pattern-discriminator";
    public const string TypeDiscriminator = Base + "type-discriminator";
    public const string ExistsDiscriminator = Base + "exists-discriminator";
    public const string ProfileDiscriminator = Base + "profile-discriminator";

    public const string LocalIdentifierSystem = "https://test.fhirfacade.example/Id/local";

    private const string UkCorePatient = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient";
    private const string UkCoreOrganization = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization";

    public static IReadOnlyDictionary<string, StructureDefinition> Build(IStructureDefinitionResolver real)
    {
        var patient = real.Resolve(UkCorePatient) ?? throw new InvalidOperationException("UKCore-Patient has no snapshot.");
        var snapshot = patient.Snapshot!;
        var profiles = new Dictionary<string, StructureDefinition>(StringComparer.Ordinal)
        {
            [Fixed] = Derive(patient, Fixed, Change(snapshot, "Patient.active", e => e with { Fixed = new ElementValue("Boolean", Json("true")) })),
            [Pattern] = Derive(patient, Pattern, Change(snapshot, "Patient.maritalStatus", e => e with
            {
                Pattern = new ElementValue("CodeableConcept", Json("""{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-MaritalStatus","code":"M"}]}""")),
            })),
            [MaxLength] = Derive(patient, MaxLength, Change(snapshot, "Patient.name.family", e => e with { MaxLength = 5 })),
            [MaxValue] = Derive(patient, MaxValue, Change(snapshot, "Patient.multipleBirth[x]", e => e with { MaxValue = new ElementValue("Integer", Json("5")) })),
            [Closed] = Derive(patient, Closed, Change(snapshot, "Patient.identifier", e => e with { Slicing = e.Slicing! with { Rules = SlicingRules.Closed } })),
            [OpenAtEnd] = Derive(patient, OpenAtEnd, Change(snapshot, "Patient.identifier", e => e with { Slicing = e.Slicing! with { Rules = SlicingRules.OpenAtEnd } })),
            [SliceMin] = Derive(patient, SliceMin, Change(snapshot, "Patient.identifier:nhsNumber", e => e with { Min = 1 })),
        };

        var ordered = Change(snapshot, "Patient.identifier", e => e with { Slicing = e.Slicing! with { Ordered = true } });
        ordered = AddSlice(ordered, "Patient.identifier:nhsNumber", "Patient.identifier", "local", e => e.Id == "Patient.identifier:local.system"
            ? e with { Fixed = new ElementValue("Uri", Json($"\"{LocalIdentifierSystem}\"")) }
            : e);
        profiles[Ordered] = Derive(patient, Ordered, ordered);

        var telecom = Change(snapshot, "Patient.telecom", e => e with { Slicing = Slicing(DiscriminatorType.Pattern, "$this") });
        telecom = AddSlice(telecom, "Patient.telecom", "Patient.telecom", "phone", e => e.Id == "Patient.telecom:phone"
            ? e with { Max = "1", Pattern = new ElementValue("ContactPoint", Json("""{"system":"phone"}""")) }
            : e);
        profiles[PatternDiscriminator] = Derive(patient, PatternDiscriminator, telecom);

        var deceased = Change(snapshot, "Patient.deceased[x]", e => e with { Slicing = Slicing(DiscriminatorType.Type, "$this") });
        deceased = AddSlice(deceased, "Patient.deceased[x]", "Patient.deceased[x]", "deceasedBoolean", e => e.Id == "Patient.deceased[x]:deceasedBoolean"
            ? e with { Max = "0", Types = [new ElementType("boolean")] }
            : e);
        profiles[TypeDiscriminator] = Derive(patient, TypeDiscriminator, deceased);

        var contact = Change(snapshot, "Patient.contact", e => e with { Slicing = Slicing(DiscriminatorType.Exists, "organization") });
        contact = AddSlice(contact, "Patient.contact", "Patient.contact", "withOrganization", e => e.Id switch
        {
            "Patient.contact:withOrganization" => e with { Max = "0" },
            "Patient.contact:withOrganization.organization" => e with { Min = 1 },
            _ => e,
        });
        profiles[ExistsDiscriminator] = Derive(patient, ExistsDiscriminator, contact);

        var contained = Change(snapshot, "Patient.contained", e => e with { Slicing = Slicing(DiscriminatorType.Profile, "$this") });
        contained = AddSlice(contained, "Patient.contained", "Patient.contained", "organization", e => e.Id == "Patient.contained:organization"
            ? e with { Max = "0", Types = [new ElementType("Resource", [UkCoreOrganization], [], [])] }
            : e);
        profiles[ProfileDiscriminator] = Derive(patient, ProfileDiscriminator, contained);

        return profiles;
    }

    private static ElementSlicing Slicing(DiscriminatorType type, string path) =>
        new([new SlicingDiscriminator(type, path)], SlicingRules.Open);

    private static StructureDefinition Derive(StructureDefinition source, string url, IReadOnlyList<ElementDefinition> snapshot) =>
        source with { Url = url, Id = url[(url.LastIndexOf('/') + 1)..], Snapshot = snapshot };

    private static List<ElementDefinition> Change(IReadOnlyList<ElementDefinition> snapshot, string id, Func<ElementDefinition, ElementDefinition> change)
    {
        var found = false;
        var result = snapshot.Select(e =>
        {
            if (e.Id != id)
            {
                return e;
            }

            found = true;
            return change(e);
        }).ToList();
        return found ? result : throw new InvalidOperationException($"No element {id} in the snapshot.");
    }

    // Copies the subtree of `sourceId` as a new slice of `slicedId`, inserted after the sliced element's last descendant or slice.
    private static List<ElementDefinition> AddSlice(
        List<ElementDefinition> snapshot,
        string sourceId,
        string slicedId,
        string sliceName,
        Func<ElementDefinition, ElementDefinition> change)
    {
        var newId = slicedId + ":" + sliceName;
        var copy = snapshot
            .Where(e => e.Id == sourceId || e.Id.StartsWith(sourceId + ".", StringComparison.Ordinal))
            .Select(e =>
            {
                var id = newId + e.Id[sourceId.Length..];
                var element = e with { Id = id };
                return e.Id == sourceId ? element with { SliceName = sliceName, Slicing = null } : element;
            })
            .Select(change)
            .ToList();
        var insertAt = snapshot.FindLastIndex(e =>
            e.Id == slicedId || e.Id.StartsWith(slicedId + ".", StringComparison.Ordinal) || e.Id.StartsWith(slicedId + ":", StringComparison.Ordinal)) + 1;
        snapshot.InsertRange(insertAt, copy);
        return snapshot;
    }

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>The test profiles first, then the real definitions.</summary>
    public sealed class Resolver(IStructureDefinitionResolver real) : IStructureDefinitionResolver
    {
        private readonly Lazy<IReadOnlyDictionary<string, StructureDefinition>> _profiles = new(() => Build(real));

        public StructureDefinition? Resolve(string canonical) =>
            _profiles.Value.TryGetValue(canonical, out var profile) ? profile : real.Resolve(canonical);
    }
}
