using FhirFacade.Core.Identity;
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

    protected SupplierAdapterBase(SupplierDeclaration declaration, IFhirModel model)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        Declaration = declaration;
        _model = model;
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

    /// <summary>Maps the <paramref name="resourceType"/> items of a screened record into <paramref name="items"/>.</summary>
    protected abstract void MapSearch(TRecord record, string resourceType, MappedItems items);

    /// <summary>
    /// The item <paramref name="itemId"/> of <paramref name="resourceType"/> in a screened record (for a Patient: the
    /// patient), mapped; <see langword="null"/> when the record does not hold it, holds it as confidential, or it could not
    /// be mapped (the context has the issue then).
    /// </summary>
    protected abstract Resource? MapItem(TRecord record, string resourceType, string itemId, TContext context);

    /// <summary>A Patient search by demographics (no patient named): the supplier's own search.</summary>
    protected abstract Task<SupplierSearchResult> SearchByDemographicsAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken);

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
