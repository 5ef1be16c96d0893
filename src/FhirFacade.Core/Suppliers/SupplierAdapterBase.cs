using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Sharing;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Core.Suppliers;

/// <summary>
/// The steps every supplier adapter takes around its native calls, written once (docs/adr/0020-adapter-skeleton-in-core.md).
/// A search or read about one patient: fetch the record that holds what is asked (the adapter's
/// <see cref="FetchRecordAsync"/>); none here is "not held"; a record naming no patient is malformed
/// (<see cref="UnnamedRecord"/>); a record about someone else is withheld whole (<see cref="PatientMismatch"/>); a
/// dissenting or sensitive patient refuses the whole request (<see cref="PatientRestrictedException"/>); an area the
/// organisation withholds is reported (<see cref="WithheldArea"/>); then the adapter's mappers run, confidential items
/// are left out with one warning (<see cref="ConfidentialItems"/>), and each resource becomes a
/// <see cref="SupplierResource"/> carrying the record's version and patient. The adapter itself is its declaration,
/// its native client calls, and its mappers.
/// </summary>
/// <typeparam name="TRecord">The native answer about one patient that the adapter's mappers read.</typeparam>
/// <typeparam name="TContext">The adapter's mapping context.</typeparam>
public abstract class SupplierAdapterBase<TRecord, TContext> : ISupplierAdapter
    where TRecord : class
    where TContext : SupplierMappingContext
{
    private readonly IFhirModel _model;
    private readonly RecordLists _lists;

    /// <param name="declaration">What the adapter says about itself.</param>
    /// <param name="model">The FHIR model resources are turned into trees with.</param>
    /// <param name="lists">Which native list of a record each resource type is mapped from (none: the adapter maps only the patient, or overrides <see cref="MapSearch"/> and <see cref="MapItem"/>).</param>
    protected SupplierAdapterBase(SupplierDeclaration declaration, IFhirModel model, RecordLists? lists = null)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        Declaration = declaration;
        _model = model;
        _lists = lists ?? new RecordLists();
    }

    /// <summary>What the adapter says about itself.</summary>
    public SupplierDeclaration Declaration { get; }

    public string SupplierId => Declaration.SupplierId;

    public string DisplayName => Declaration.DisplayName;

    public IReadOnlyList<SupplierResourceCapability> Capabilities => Declaration.Capabilities;

    public abstract Task<bool> HoldsPatientAsync(OrganisationEndpoint organisation, NhsNumber nhsNumber, CancellationToken cancellationToken);

    public virtual async Task<SupplierSearchResult> SearchAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(query);
        var patientId = query.Patient.NhsNumber?.Value ?? query.Patient.NativePatientId;
        if (patientId is null)
        {
            return await SearchByDemographicsAsync(organisation, query, cancellationToken);
        }

        if (!Declaration.Searches(query.ResourceType))
        {
            return SupplierSearchResult.Empty;
        }

        var record = await FetchRecordAsync(organisation, patientId, query.ResourceType, cancellationToken);
        if (record is null)
        {
            // A 404, or a record held elsewhere: this organisation holds nothing for the patient (the gateway reports it).
            return SupplierSearchResult.NotHeld;
        }

        var facts = Screen(record, patientId);
        if (facts is null)
        {
            return PatientMismatch.Search(this, organisation, query.ResourceType);
        }

        var context = CreateContext(organisation, record);
        if (WithheldArea(organisation, record, query.ResourceType) is { } withheld)
        {
            return new SupplierSearchResult([], [], [withheld]);
        }

        var items = new MappedItems(this, facts.Version, context);
        MapSearch(record, query.ResourceType, items);
        return items.Result(organisation);
    }

    public virtual async Task<SupplierReadResult> ReadAsync(OrganisationEndpoint organisation, string resourceType, string nativeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(nativeId);
        if (await ReadUnscopedAsync(organisation, resourceType, nativeId, cancellationToken) is { } unscoped)
        {
            return unscoped;
        }

        var (patientId, itemId) = resourceType == T.Patient ? (nativeId, nativeId) : SplitItemId(nativeId);
        if (patientId is null || itemId is null || !Declaration.Serves(resourceType) || !IsItemId(resourceType, itemId))
        {
            return SupplierReadResult.NotFound;
        }

        var record = await FetchRecordAsync(organisation, patientId, resourceType, cancellationToken);
        if (record is null)
        {
            return SupplierReadResult.NotFound;
        }

        var facts = Screen(record, patientId);
        if (facts is null)
        {
            return PatientMismatch.Read(patientId, Facts(record).NhsNumber!);
        }

        var context = CreateContext(organisation, record);
        if (WithheldArea(organisation, record, resourceType) is { } withheld)
        {
            // A read of a record in an area the organisation does not share is refused like a read the configuration refuses.
            throw SharingIssues.Forbidden(withheld);
        }

        var resource = MapItem(record, resourceType, itemId, context);
        return Single(resource, nativeId, facts.Version, context) with { AskedAbout = PatientSelector.ForNativeId(patientId), RecordNhsNumber = facts.NhsNumber };
    }

    /// <summary>
    /// The record at <paramref name="organisation"/> about <paramref name="patientId"/> (an NHS number) that holds what
    /// <paramref name="resourceType"/> needs (only that area, where the supplier can be asked for one); <see langword="null"/>
    /// when the organisation does not hold the patient (a 404, or registered elsewhere). Restrictions are not applied here.
    /// </summary>
    protected abstract Task<TRecord?> FetchRecordAsync(OrganisationEndpoint organisation, string patientId, string resourceType, CancellationToken cancellationToken);

    /// <summary>What the record says about its patient, as the screening needs it.</summary>
    protected abstract RecordFacts Facts(TRecord record);

    /// <summary>The mapping context of an answer the supplier has just given (its resources say they were retrieved now).</summary>
    protected abstract TContext CreateContext(OrganisationEndpoint organisation, TRecord record);

    /// <summary>The record's patient as a UK Core Patient (<see langword="null"/> when it could not be mapped; the context has the issue then).</summary>
    protected abstract Resource? MapPatient(TRecord record, TContext context);

    /// <summary>
    /// Maps the <paramref name="resourceType"/> items of a screened record into <paramref name="items"/>: the patient, or
    /// every shareable item of the lists declared for the type (<see cref="RecordLists"/>), in their order.
    /// </summary>
    protected virtual void MapSearch(TRecord record, string resourceType, MappedItems items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (resourceType == T.Patient)
        {
            items.Match(MapPatient(record, items.Context), items.Context.NhsNumber);
            return;
        }

        _lists.Search(record, resourceType, items);
    }

    /// <summary>
    /// The item <paramref name="itemId"/> of <paramref name="resourceType"/> in a screened record (for a Patient: the
    /// patient), mapped; <see langword="null"/> when the record does not hold it, holds it as confidential, or it could not
    /// be mapped (the context has the issue then).
    /// </summary>
    protected virtual Resource? MapItem(TRecord record, string resourceType, string itemId, TContext context) =>
        resourceType == T.Patient ? MapPatient(record, context) : _lists.Read(record, resourceType, itemId, context);

    /// <summary>
    /// A Patient search by demographics (no patient named). With a name search (<see cref="FindPatientsAsync"/>): the
    /// patients the supplier found by family name (+ birth date), each one's record (<see cref="FetchMatchAsync"/>), those
    /// who dissented or are flagged sensitive, and records <see cref="ListedInNameSearch"/> refuses, left out without a
    /// word so that a name search cannot reveal them (<see cref="DemographicSearch"/>); the gateway applies the other
    /// criteria. Any other search that names no patient answers with an information issue saying how to search.
    /// </summary>
    protected virtual async Task<SupplierSearchResult> SearchByDemographicsAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(query);
        var family = query.Request.PlainFamily();
        if (!SearchesByName || query.ResourceType != T.Patient || family is null)
        {
            var how = SearchesByName ? "by NHS number, or by family name (starts-with, no modifier) and birth date" : "by NHS number only";
            return new SupplierSearchResult([], [], [new Issue(Declaration.IssuePrefix + "-NO-DEMOGRAPHIC-SEARCH", IssueSeverity.Information, IssueType.NotSupported, $"{DisplayName} at {SupplierCallRunner.OrganisationLabel(organisation)} searches patients {how}.")]);
        }

        var found = await FindPatientsAsync(organisation, family, query.Request, cancellationToken);
        if (found.NhsNumbers.Count == 0)
        {
            return SupplierSearchResult.Empty;
        }

        return await DemographicSearch.CollectAsync(
            found.NhsNumbers,
            (nhsNumber, token) => FetchMatchAsync(organisation, nhsNumber, token),
            record => ListedInNameSearch(organisation, record) && Facts(record) is { Sensitive: false, Dissent: false },
            record =>
            {
                var context = CreateContext(organisation, record);
                var patient = MapPatient(record, context);
                return (patient is null ? null : ToSupplierResource(patient, context.NhsNumber, Facts(record).Version, context), context.Issues);
            },
            found.Truncated ? new Issue(Declaration.IssuePrefix + "-SEARCH-TRUNCATED", IssueSeverity.Warning, IssueType.TooCostly, $"{DisplayName} at {SupplierCallRunner.OrganisationLabel(organisation)} found more patients than the facade takes from it; narrow the search (add given, birthdate or gender).") : null,
            cancellationToken);
    }

    /// <summary>Whether the supplier can search patients by family name (<see cref="FindPatientsAsync"/>); by default it cannot.</summary>
    protected virtual bool SearchesByName => false;

    /// <summary>
    /// The supplier's own Patient search by <paramref name="family"/> name (starts-with) and, where it can filter on one,
    /// the exact birth date of <paramref name="request"/>: the NHS numbers it found. Called only when
    /// <see cref="SearchesByName"/>.
    /// </summary>
    protected virtual Task<PatientMatches> FindPatientsAsync(OrganisationEndpoint organisation, string family, SearchRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(PatientMatches.None);

    /// <summary>The record of one patient a name search found (by default the Patient record <see cref="FetchRecordAsync"/> fetches).</summary>
    protected virtual Task<TRecord?> FetchMatchAsync(OrganisationEndpoint organisation, string nhsNumber, CancellationToken cancellationToken) =>
        FetchRecordAsync(organisation, nhsNumber, T.Patient, cancellationToken);

    /// <summary>Whether a record a name search found may be listed at all, before the dissent and sensitive flags are looked at (by default: yes).</summary>
    protected virtual bool ListedInNameSearch(OrganisationEndpoint organisation, TRecord record) => true;

    /// <summary>
    /// A read of a record that belongs to no patient (an Organization, a Practitioner the supplier can be asked for
    /// directly); <see langword="null"/> for a patient-scoped read, which the skeleton runs.
    /// </summary>
    protected virtual Task<SupplierReadResult?> ReadUnscopedAsync(OrganisationEndpoint organisation, string resourceType, string nativeId, CancellationToken cancellationToken) =>
        Task.FromResult<SupplierReadResult?>(null);

    /// <summary>Whether <paramref name="itemId"/> can be an item id of <paramref name="resourceType"/> at all (checked before anything is fetched).</summary>
    protected virtual bool IsItemId(string resourceType, string itemId) => true;

    /// <summary>
    /// The warning when the organisation withholds the record area <paramref name="resourceType"/> lives in (a search
    /// answers with it alone, a read is refused 403); <see langword="null"/> when it is shared.
    /// </summary>
    protected virtual Issue? WithheldArea(OrganisationEndpoint organisation, TRecord record, string resourceType) => null;

    /// <summary>
    /// Applies the checks every answer about one patient goes through, in order: a record naming no patient is
    /// malformed (throws), one about another patient gives <see langword="null"/> (withhold it whole), a restricted
    /// patient refuses the request (throws). Otherwise the record's facts.
    /// </summary>
    protected RecordFacts? Screen(TRecord record, string patientId)
    {
        var facts = Facts(record);
        UnnamedRecord.ThrowIfNamesNoPatient(Declaration.ShortName, facts.NhsNumber);
        if (PatientMismatch.IsAboutAnotherPatient(patientId, facts.NhsNumber))
        {
            return null;
        }

        PatientRestrictedException.ThrowIfRestricted(facts.Sensitive, facts.Dissent);
        return facts;
    }

    /// <summary>A read's answer: the resource (or none, with the issues that say why).</summary>
    protected SupplierReadResult Single(Resource? resource, string nativeId, string? version, TContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return resource is null ? new SupplierReadResult(null, context.Issues) : new(ToSupplierResource(resource, nativeId, version, context), context.Issues);
    }

    /// <summary>A mapped resource as the gateway takes it: its tree, its native id and version, and the patient its record names.</summary>
    protected SupplierResource ToSupplierResource(Resource resource, string nativeId, string? version, SupplierMappingContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        var patient = context.NhsNumber.Length == 0 ? null : context.NhsNumber;
        return new(resource.TypeName, nativeId, resource.ToElementNode(_model), version, patient, patient);
    }

    /// <summary>The patient's id and the item's id of a patient-scoped native id (<c>{nhs}/{item}</c>); nulls when it is not one.</summary>
    private static (string? PatientId, string? ItemId) SplitItemId(string nativeId)
    {
        var slash = nativeId.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 || slash == nativeId.Length - 1 ? (null, null) : (nativeId[..slash], nativeId[(slash + 1)..]);
    }

    /// <summary>
    /// Which native list of a record each resource type is mapped from, declared once by an adapter: a search maps every
    /// shareable item of the type's lists, in order (confidential ones counted, see <see cref="MappedItems.Shareable"/>);
    /// a read maps the item whose own id is the one asked, unless it is confidential. An item's native id is
    /// <see cref="SupplierMappingContext.ItemNativeId"/> of its own id (empty when it has none; its mapper then reports it).
    /// </summary>
    protected sealed class RecordLists
    {
        private readonly List<(string ResourceType, IRecordList List)> _lists = [];

        /// <summary>
        /// Adds a list of <paramref name="resourceType"/> items; <paramref name="include"/> maps the resource an item's match
        /// releases only by an <c>_include</c> (a statement's Medication).
        /// </summary>
        public RecordLists Add<TItem>(
            string resourceType,
            Func<TRecord, IReadOnlyList<TItem>?> items,
            Func<TItem, bool> isConfidential,
            Func<TItem, string?> itemId,
            Func<TItem, TContext, Resource?> map,
            Func<TItem, TContext, Resource?>? include = null)
        {
            _lists.Add((resourceType, new RecordList<TItem>(items, isConfidential, itemId, map, include)));
            return this;
        }

        /// <summary>Adds one item a record may hold for <paramref name="resourceType"/> (a usual GP, a "no known allergies" entry), never confidential.</summary>
        public RecordLists AddOne<TItem>(string resourceType, Func<TRecord, TItem?> item, Func<TItem, string?> itemId, Func<TItem, TContext, Resource?> map)
            where TItem : class =>
            Add<TItem>(resourceType, record => item(record) is { } one ? [one] : [], _ => false, itemId, map);

        /// <summary>
        /// Adds the medication list: each shareable item a MedicationStatement match and, when it matched, its Medication
        /// for an <c>_include</c> (every statement's Medication goes back, the gateway's merge keys statements by dm+d code;
        /// only an <c>_include</c> releases it, ADR 0007); and the same items read as Medications.
        /// </summary>
        public RecordLists AddMedications<TItem>(
            Func<TRecord, IReadOnlyList<TItem>?> items,
            Func<TItem, bool> isConfidential,
            Func<TItem, string?> itemId,
            Func<TItem, TContext, Resource?> statement,
            Func<TItem, TContext, Resource?> medication) =>
            Add(T.MedicationStatement, items, isConfidential, itemId, statement, medication).Add(T.Medication, items, isConfidential, itemId, medication);

        internal void Search(TRecord record, string resourceType, MappedItems items)
        {
            foreach (var (type, list) in _lists)
            {
                if (type == resourceType)
                {
                    list.Search(record, items);
                }
            }
        }

        internal Resource? Read(TRecord record, string resourceType, string itemId, TContext context)
        {
            foreach (var (type, list) in _lists)
            {
                if (type == resourceType && list.TryRead(record, itemId, context, out var resource))
                {
                    return resource;
                }
            }

            return null;
        }
    }

    private interface IRecordList
    {
        void Search(TRecord record, MappedItems items);

        bool TryRead(TRecord record, string itemId, TContext context, out Resource? resource);
    }

    private sealed class RecordList<TItem>(
        Func<TRecord, IReadOnlyList<TItem>?> items,
        Func<TItem, bool> isConfidential,
        Func<TItem, string?> itemId,
        Func<TItem, TContext, Resource?> map,
        Func<TItem, TContext, Resource?>? include) : IRecordList
    {
        public void Search(TRecord record, MappedItems mapped)
        {
            var context = mapped.Context;
            foreach (var item in mapped.Shareable(items(record), isConfidential))
            {
                var nativeId = itemId(item) is { } id ? context.ItemNativeId(id) : string.Empty;
                if (mapped.Match(map(item, context), nativeId) && include is not null)
                {
                    mapped.Include(include(item, context), nativeId);
                }
            }
        }

        public bool TryRead(TRecord record, string wanted, TContext context, out Resource? resource)
        {
            foreach (var item in items(record) ?? [])
            {
                if (!isConfidential(item) && string.Equals(itemId(item), wanted, StringComparison.Ordinal))
                {
                    resource = map(item, context);
                    return true;
                }
            }

            resource = null;
            return false;
        }
    }

    /// <summary>What a search has mapped so far (matches, included), how many confidential items it left out, and where its issues go.</summary>
    protected sealed class MappedItems
    {
        private readonly SupplierAdapterBase<TRecord, TContext> _adapter;
        private readonly string? _version;
        private readonly List<SupplierResource> _matches = [];
        private readonly List<SupplierResource> _included = [];
        private int _confidential;

        internal MappedItems(SupplierAdapterBase<TRecord, TContext> adapter, string? version, TContext context)
        {
            _adapter = adapter;
            _version = version;
            Context = context;
        }

        /// <summary>The mapping context of the record.</summary>
        public TContext Context { get; }

        /// <summary>The items of a native list that may be shared, counting those left out as confidential.</summary>
        public List<TItem> Shareable<TItem>(IReadOnlyList<TItem>? items, Func<TItem, bool> isConfidential) =>
            ConfidentialItems.Shareable(items, isConfidential, ref _confidential);

        /// <summary>Adds a mapped match (nothing when the mapper gave none); <see langword="true"/> when added.</summary>
        public bool Match(Resource? resource, string nativeId) => Add(_matches, resource, nativeId);

        /// <summary>Adds a resource released only by an <c>_include</c> (a statement's Medication).</summary>
        public bool Include(Resource? resource, string nativeId) => Add(_included, resource, nativeId);

        /// <summary>The search's answer: the matches, the included, the mapping issues and the one confidential-items warning.</summary>
        internal SupplierSearchResult Result(OrganisationEndpoint organisation)
        {
            if (_confidential > 0)
            {
                Context.Issues.Add(ConfidentialItems.Warning(_adapter, organisation));
            }

            return new SupplierSearchResult(_matches, _included, Context.Issues);
        }

        private bool Add(List<SupplierResource> list, Resource? resource, string nativeId)
        {
            if (resource is null)
            {
                return false;
            }

            list.Add(_adapter.ToSupplierResource(resource, nativeId, _version, Context));
            return true;
        }
    }
}
