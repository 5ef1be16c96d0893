using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Location;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Core.Validation;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Core.Merging;

/// <summary>
/// Merges a search's matches from several holders (ADR 0007): exact duplicates across sources (same
/// code, dates and status; <see cref="DuplicateKeys"/>) become the first one in the gateway's
/// deterministic order, tagged with every source; and where several organisations hold a Patient
/// record for the same NHS number, the registered GP practice's is returned. Each merge is reported
/// as an information issue; nothing is dropped silently.
/// </summary>
/// <remarks>
/// The tags are added to the survivor's element tree in place, and the tagged tree, the form that is released,
/// is validated again under the validation policy: one that no longer conforms is withheld like any invalid
/// resource, with an issue naming every source (ADR 0022).
/// </remarks>
public sealed class ResourceMerger(
    SupplierAdapterRegistry adapters,
    IOrganisationDirectory directory,
    FhirKernel kernel,
    ResourceIdCodec ids,
    ResourceValidationStep validation)
{
    /// <summary>Merges <paramref name="matches"/> (already in deterministic order and validated).</summary>
    /// <param name="matches">The matches of every holder.</param>
    /// <param name="medications">Medications the holders returned (included or not), to key MedicationStatements by their dm+d code.</param>
    /// <param name="issues">Receives one information issue per merge, and the validation issues of a merged resource that does not conform.</param>
    /// <returns>The merged matches, in the same order; a merged resource withheld by validation is not among them.</returns>
    public IReadOnlyList<GatewayResource> Merge(IReadOnlyList<GatewayResource> matches, IReadOnlyList<SupplierResource> medications, ICollection<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(medications);
        ArgumentNullException.ThrowIfNull(issues);
        if (matches.Select(m => (m.Supplier, m.Organisation)).Distinct().Count() < 2)
        {
            return matches;
        }

        var skippedPatients = ChoosePatients(matches, issues);
        var medicationByReference = new Dictionary<string, ElementNode>(StringComparer.Ordinal);
        foreach (var medication in medications)
        {
            if (medication.Resource.Child("id")?.Text is { } id)
            {
                medicationByReference.TryAdd(FhirResourceTypes.Medication + "/" + id, medication.Resource);
            }
        }

        ElementNode? MedicationCode(string reference) =>
            medicationByReference.TryGetValue(reference, out var medication) ? medication.Child("code") : null;

        var result = new List<GatewayResource>(matches.Count);
        var groups = new Dictionary<string, DuplicateGroup>(StringComparer.Ordinal);
        foreach (var match in matches)
        {
            if (skippedPatients.Contains(match))
            {
                continue;
            }

            var key = DuplicateKeys.For(match.Resource, MedicationCode);
            if (key is null)
            {
                result.Add(match);
                continue;
            }

            if (!groups.TryGetValue(key, out var group))
            {
                groups.Add(key, new DuplicateGroup(result.Count, match));
                result.Add(match);
            }
            else if (!group.TryAdd(match))
            {
                // A second identical entry from the same source is that source's own business: two records.
                result.Add(match);
            }
        }

        HashSet<int>? withheld = null;
        foreach (var group in groups.Values.Where(g => g.Sources.Count > 1).OrderBy(g => g.Index))
        {
            var survivor = result[group.Index];
            RecordSourceTags.AddTo(survivor.Resource, kernel.Model, group.Sources.Select(s => (RecordSourceTags.Code(s.Supplier, s.Organisation), Label(s))));
            if (!validation.Check(survivor.Source, survivor.Supplier, survivor.Organisation, $"{Labels(group.Sources)}, merged into one entry,", issues))
            {
                (withheld ??= []).Add(group.Index);
                continue;
            }

            issues.Add(new Issue(
                "MERGED-DUPLICATE",
                IssueSeverity.Information,
                IssueType.Informational,
                $"The same {group.First.ResourceType} (same code, dates and status) is held by {Labels(group.Sources)}; it is returned once, with meta.tag naming every source."));
        }

        return withheld is null ? result : [.. result.Where((_, index) => !withheld.Contains(index))];
    }

    /// <summary>The Patients not returned because another organisation is the patient's registered GP practice.</summary>
    private HashSet<GatewayResource> ChoosePatients(IReadOnlyList<GatewayResource> matches, ICollection<Issue> issues)
    {
        var skipped = new HashSet<GatewayResource>();
        var byPatient = matches
            .Where(m => m.ResourceType == FhirResourceTypes.Patient && m.Source.PatientNhsNumber is not null)
            .GroupBy(m => m.Source.PatientNhsNumber!, StringComparer.Ordinal)
            .Where(g => g.Select(m => (m.Supplier, m.Organisation)).Distinct().Count() > 1);
        foreach (var patients in byPatient)
        {
            var registered = patients.FirstOrDefault(IsRegisteredPractice);
            if (registered is null)
            {
                issues.Add(new Issue(
                    "PATIENT-SEVERAL-SOURCES",
                    IssueSeverity.Information,
                    IssueType.Informational,
                    $"{patients.Count()} organisations hold a record for this patient and none of them is recorded as the registered GP practice, so each organisation's Patient is returned: {string.Join(", ", patients.Select(p => Label((p.Supplier, p.Organisation))))}."));
                continue;
            }

            var others = patients.Where(p => !ReferenceEquals(p, registered)).ToList();
            skipped.UnionWith(others);
            issues.Add(new Issue(
                "PATIENT-REGISTERED-SOURCE",
                IssueSeverity.Information,
                IssueType.Informational,
                $"The Patient is the registered GP practice's record, from {Label((registered.Supplier, registered.Organisation))}; records are also held by {string.Join(", ", others.Select(p => Label((p.Supplier, p.Organisation))))}."));
        }

        return skipped;
    }

    /// <summary>A Patient whose <c>generalPractitioner</c> names the very organisation whose system holds it.</summary>
    private bool IsRegisteredPractice(GatewayResource patient)
    {
        foreach (var practitioner in patient.Resource.ChildrenNamed("generalPractitioner"))
        {
            var reference = practitioner.Child("reference")?.Text;
            if (reference is not null
                && reference.StartsWith(FhirResourceTypes.Organization + "/", StringComparison.Ordinal)
                && ids.TryDecode(FhirResourceTypes.Organization, reference[(FhirResourceTypes.Organization.Length + 1)..], out var id)
                && string.Equals(id.NativeId, patient.Organisation, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var identifier = practitioner.Child("identifier");
            if (identifier?.Child("system")?.Text == UkCoreSystems.OdsOrganizationCode
                && string.Equals(identifier.Child("value")?.Text, patient.Organisation, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private string Labels(IEnumerable<(string Supplier, string Organisation)> sources) => string.Join(" and ", sources.Select(Label));

    private string Label((string Supplier, string Organisation) source)
    {
        var supplier = adapters.TryGet(source.Supplier, out var adapter) ? adapter.DisplayName : source.Supplier;
        var organisation = directory.TryGet(source.Organisation, out var endpoint)
            ? SupplierCallRunner.OrganisationLabel(endpoint)
            : source.Organisation;
        return $"{supplier} at {organisation}";
    }

    /// <summary>The first resource of a key and every source that holds it, in order.</summary>
    private sealed class DuplicateGroup(int index, GatewayResource first)
    {
        public int Index { get; } = index;

        public GatewayResource First { get; } = first;

        public List<(string Supplier, string Organisation)> Sources { get; } = [(first.Supplier, first.Organisation)];

        /// <summary>Adds a duplicate from another source; <see langword="false"/> when this source already has one.</summary>
        public bool TryAdd(GatewayResource duplicate)
        {
            var source = (duplicate.Supplier, duplicate.Organisation);
            if (Sources.Contains(source))
            {
                return false;
            }

            Sources.Add(source);
            return true;
        }
    }
}
