using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Microtest;

/// <summary>
/// The Microtest Evolution adapter: fetches only the list a search needs (every page, within a bound),
/// maps it to UK Core through one mapper per resource type, leaves out items the practice marked
/// confidential (with a <c>confidential-items</c> warning), and reports items it cannot map instead of failing.
/// </summary>
internal sealed class MicrotestSupplierAdapter(MicrotestClient client, IFhirModel model, ResourceIdCodec ids, TimeProvider timeProvider)
    : SupplierAdapterBase<MicrotestPatient, MicrotestMappingContext>(Declared, model)
{
    /// <summary>The most patients a demographic search fetches and returns (the rest are reported as truncated).</summary>
    public const int MaxDemographicMatches = 50;

    /// <summary>
    /// The Evolution API filters by list only: every other criterion is applied by the gateway. Practitioners are only
    /// embedded in a patient's registration, so they cannot be read alone.
    /// </summary>
    public static readonly SupplierDeclaration Declared = new(MicrotestCodeSystems.SupplierId, "Microtest Evolution", "Microtest", SupplierDeclaration.PatientRecordCapabilities(practitioners: false));

    public override async Task<bool> HoldsPatientAsync(OrganisationEndpoint organisation, NhsNumber nhsNumber, CancellationToken cancellationToken)
    {
        var patient = await client.GetPatientAsync(organisation, nhsNumber.Value, cancellationToken);
        return IsAt(patient, organisation);
    }

    public override async Task<SupplierSearchResult> SearchAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var nhsNumber = query.Patient.NhsNumber?.Value ?? query.Patient.NativePatientId;

        // Each list page names its patient as well: a list about someone else is withheld whole, none of it mapped,
        // even though the Patient endpoint answered about the patient asked for. The patient alone goes through the skeleton.
        return nhsNumber is null ? await base.SearchAsync(organisation, query, cancellationToken) : query.ResourceType switch
        {
            T.Condition => await SearchListAsync<MicrotestProblem>(organisation, nhsNumber, query.ResourceType, MicrotestClient.Problems, p => p.Confidential, MapProblems, cancellationToken),
            T.AllergyIntolerance => await SearchListAsync<MicrotestAllergy>(organisation, nhsNumber, query.ResourceType, MicrotestClient.Allergies, a => a.Confidential, MapAllergies, cancellationToken),
            T.MedicationStatement => await SearchListAsync<MicrotestMedication>(organisation, nhsNumber, query.ResourceType, MicrotestClient.Medications, m => m.Confidential, MapMedications, cancellationToken),
            _ => await base.SearchAsync(organisation, query, cancellationToken),
        };
    }

    /// <summary>The patient summary, when Evolution holds the patient at <paramref name="organisation"/> (the lists are fetched beside it, below).</summary>
    protected override async Task<MicrotestPatient?> FetchRecordAsync(OrganisationEndpoint organisation, string patientId, string resourceType, CancellationToken cancellationToken)
    {
        var patient = await client.GetPatientAsync(organisation, patientId, cancellationToken);
        return IsAt(patient, organisation) ? patient : null;
    }

    protected override RecordFacts Facts(MicrotestPatient record) =>
        new(record.NhsNumber, record.Sensitive, record.SharingDissent, record.RecordVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    protected override MicrotestMappingContext CreateContext(OrganisationEndpoint organisation, MicrotestPatient record) => Context(organisation, record.NhsNumber);

    protected override Resource? MapPatient(MicrotestPatient record, MicrotestMappingContext context) => MicrotestPatientMapper.Map(record, context);

    /// <summary>The practice (Evolution has no organisation endpoint: it is the directory entry itself), and list items (read beside the patient summary).</summary>
    protected override async Task<SupplierReadResult?> ReadUnscopedAsync(OrganisationEndpoint organisation, string resourceType, string nativeId, CancellationToken cancellationToken)
    {
        switch (resourceType)
        {
            case T.Patient:
                return null;
            case T.Organization:
                if (!string.Equals(nativeId, organisation.OdsCode, StringComparison.OrdinalIgnoreCase))
                {
                    return SupplierReadResult.NotFound;
                }

                var organisationContext = Context(organisation, null);
                return Single(MicrotestOrganizationMapper.Map(new MicrotestPractice(organisation.OdsCode, organisation.Name), organisationContext), nativeId, null, organisationContext);
            default:
                return await ReadItemAsync(organisation, resourceType, nativeId, cancellationToken);
        }
    }

    /// <summary>Evolution's demographic search by family name (+ birth date), at most <see cref="MaxDemographicMatches"/> patients.</summary>
    protected override bool SearchesByName => true;

    protected override async Task<PatientMatches> FindPatientsAsync(OrganisationEndpoint organisation, string family, SearchRequest request, CancellationToken cancellationToken)
    {
        var found = await client.SearchPatientsAsync(organisation, family, ExactBirthDate(request), MaxDemographicMatches, cancellationToken);
        return new(found.NhsNumbers, found.Truncated);
    }

    /// <summary>The date of birth Evolution can filter on natively (<c>dd/MM/yyyy</c>): one <c>eq</c> value of day precision; anything else is filtered by the gateway.</summary>
    private static string? ExactBirthDate(SearchRequest request) =>
        request.ExactBirthDate()?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsAt(MicrotestPatient? patient, OrganisationEndpoint organisation) =>
        patient?.Practice?.OdsCode is { } holder && string.Equals(holder, organisation.OdsCode, StringComparison.OrdinalIgnoreCase);

    private static List<TItem> Shareable<TItem>(MicrotestList<TItem>? list, Func<TItem, bool> isConfidential, MicrotestMappingContext context, ref int confidential)
    {
        if (list is null)
        {
            return [];
        }

        if (list.Truncated)
        {
            context.Issues.Add(new Issue("MICROTEST-TRUNCATED", IssueSeverity.Warning, IssueType.Incomplete, $"The record at {context.SourceLabel} has more pages than the adapter follows; the list was truncated."));
        }

        return ConfidentialItems.Shareable(list.Items, isConfidential, ref confidential);
    }

    /// <summary>The mapping context of an answer Evolution has just given: its resources say they were retrieved now.</summary>
    private MicrotestMappingContext Context(OrganisationEndpoint organisation, string? nhsNumber) =>
        new(organisation.OdsCode, SupplierCallRunner.OrganisationLabel(organisation), nhsNumber ?? string.Empty, ids, timeProvider.GetUtcNow());

    private async Task<SupplierReadResult> ReadItemAsync(OrganisationEndpoint organisation, string resourceType, string nativeId, CancellationToken cancellationToken)
    {
        var slash = nativeId.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return SupplierReadResult.NotFound;
        }

        var nhsNumber = nativeId[..slash];
        var itemId = nativeId[(slash + 1)..];

        // As for a search: a list that names another patient is not looked into, whether or not it holds the item.
        return resourceType switch
        {
            T.Condition => await ReadListItemAsync<MicrotestProblem>(organisation, nativeId, nhsNumber, MicrotestClient.Problems, (problems, context) =>
                problems.Items.FirstOrDefault(p => p.Id == itemId && !p.Confidential) is { } p ? MicrotestConditionMapper.Map(p, context) : null, cancellationToken),
            T.AllergyIntolerance => await ReadListItemAsync<MicrotestAllergy>(organisation, nativeId, nhsNumber, MicrotestClient.Allergies, (allergies, context) =>
                allergies.Items.FirstOrDefault(a => a.Id == itemId && !a.Confidential) is { } a
                    ? MicrotestAllergyIntoleranceMapper.Map(a, context)
                    : allergies.NoKnownAllergies is { } none && none.Id == itemId ? MicrotestAllergyIntoleranceMapper.Map(none, context) : null, cancellationToken),
            T.MedicationStatement or T.Medication => await ReadListItemAsync<MicrotestMedication>(organisation, nativeId, nhsNumber, MicrotestClient.Medications, (medications, context) =>
                medications.Items.FirstOrDefault(m => m.Id == itemId && !m.Confidential) is not { } medication
                    ? null
                    : resourceType == T.Medication ? MicrotestMedicationMapper.Map(medication, context) : MicrotestMedicationStatementMapper.Map(medication, context), cancellationToken),
            _ => SupplierReadResult.NotFound,
        };
    }

    /// <summary>
    /// A search of one list: the patient summary (is the patient held here, are they restricted?) and the list are asked
    /// at once, so a request pays one Evolution round trip (plus the list's further pages), not two in a row, inside the
    /// gateway's per-supplier timeout. The answers are still judged in the order they were before: patient first, and
    /// the list is never mapped (nor its failure reported) when the patient is not held here, is someone else, or is restricted.
    /// </summary>
    private async Task<SupplierSearchResult> SearchListAsync<TItem>(
        OrganisationEndpoint organisation,
        string nhsNumber,
        string resourceType,
        string listName,
        Func<TItem, bool> isConfidential,
        Action<List<TItem>, MicrotestList<TItem>, FoundItems> map,
        CancellationToken cancellationToken)
    {
        await using var pending = PendingList<TItem>.Start(client, organisation, nhsNumber, listName, cancellationToken);
        var patient = await FetchRecordAsync(organisation, nhsNumber, resourceType, cancellationToken);
        if (patient is null)
        {
            return SupplierSearchResult.NotHeld;
        }

        if (Screen(patient, nhsNumber) is null)
        {
            return PatientMismatch.Search(this, organisation, resourceType);
        }

        var list = await pending.Task;
        if (list is null)
        {
            // The summary was there but the list answered 404: Evolution no longer holds the patient here.
            return SupplierSearchResult.NotHeld;
        }

        if (PatientMismatch.IsAboutAnotherPatient(nhsNumber, list.NhsNumber))
        {
            return PatientMismatch.Search(this, organisation, resourceType);
        }

        var found = new FoundItems(patient, Context(organisation, list.NhsNumber));
        var confidential = 0;
        map(Shareable(list, isConfidential, found.Context, ref confidential), list, found);
        if (confidential > 0)
        {
            found.Context.Issues.Add(ConfidentialItems.Warning(this, organisation));
        }

        return new SupplierSearchResult(found.Matches, found.Included, found.Context.Issues);
    }

    /// <summary>A read of one list item, with the patient summary and the list asked at once (as <see cref="SearchListAsync"/>).</summary>
    private async Task<SupplierReadResult> ReadListItemAsync<TItem>(
        OrganisationEndpoint organisation,
        string nativeId,
        string nhsNumber,
        string listName,
        Func<MicrotestList<TItem>, MicrotestMappingContext, Resource?> find,
        CancellationToken cancellationToken)
    {
        await using var pending = PendingList<TItem>.Start(client, organisation, nhsNumber, listName, cancellationToken);
        var patient = await FetchRecordAsync(organisation, nhsNumber, T.Patient, cancellationToken);
        if (patient is null)
        {
            return SupplierReadResult.NotFound;
        }

        if (Screen(patient, nhsNumber) is null)
        {
            return PatientMismatch.Read(nhsNumber, patient.NhsNumber!);
        }

        var list = await pending.Task;
        if (PatientMismatch.IsAboutAnotherPatient(nhsNumber, list?.NhsNumber))
        {
            return PatientMismatch.Read(nhsNumber, list!.NhsNumber);
        }

        var context = Context(organisation, list?.NhsNumber);
        var resource = list is null ? null : find(list, context);
        return Single(resource, nativeId, Facts(patient).Version, context)
            with { AskedAbout = PatientSelector.ForNativeId(nhsNumber), RecordNhsNumber = context.NhsNumber.Length == 0 ? patient.NhsNumber : context.NhsNumber };
    }

    private void MapProblems(List<MicrotestProblem> problems, MicrotestList<MicrotestProblem> list, FoundItems found)
    {
        foreach (var problem in problems)
        {
            Add(found.Matches, MicrotestConditionMapper.Map(problem, found.Context), found.Patient, found.Context, found.Context.ItemNativeId(problem.Id ?? string.Empty));
        }
    }

    private void MapAllergies(List<MicrotestAllergy> allergies, MicrotestList<MicrotestAllergy> list, FoundItems found)
    {
        foreach (var allergy in allergies)
        {
            Add(found.Matches, MicrotestAllergyIntoleranceMapper.Map(allergy, found.Context), found.Patient, found.Context, found.Context.ItemNativeId(allergy.Id ?? string.Empty));
        }

        if (list.NoKnownAllergies is { } none)
        {
            Add(found.Matches, MicrotestAllergyIntoleranceMapper.Map(none, found.Context), found.Patient, found.Context, found.Context.ItemNativeId(none.Id ?? string.Empty));
        }
    }

    private void MapMedications(List<MicrotestMedication> medications, MicrotestList<MicrotestMedication> list, FoundItems found)
    {
        foreach (var medication in medications)
        {
            var nativeId = found.Context.ItemNativeId(medication.Id ?? string.Empty);
            if (Add(found.Matches, MicrotestMedicationStatementMapper.Map(medication, found.Context), found.Patient, found.Context, nativeId))
            {
                Add(found.Included, MicrotestMedicationMapper.Map(medication, found.Context), found.Patient, found.Context, nativeId);
            }
        }
    }

    private bool Add(List<SupplierResource> list, Resource? resource, MicrotestPatient patient, MicrotestMappingContext context, string nativeId)
    {
        if (resource is null)
        {
            return false;
        }

        list.Add(ToSupplierResource(resource, nativeId, Facts(patient).Version, context));
        return true;
    }

    /// <summary>What a list search has mapped so far, and where its issues go.</summary>
    private sealed record FoundItems(MicrotestPatient Patient, MicrotestMappingContext Context)
    {
        public List<SupplierResource> Matches { get; } = [];

        public List<SupplierResource> Included { get; } = [];
    }

    /// <summary>
    /// A list fetch started beside the patient summary. When the caller leaves without it (the patient is not held here,
    /// is someone else, or is restricted, or the summary failed), it is cancelled and its outcome observed, so an
    /// answer that was not needed can neither leak nor surface as an unobserved failure.
    /// </summary>
    private sealed class PendingList<TItem> : IAsyncDisposable
    {
        private readonly CancellationTokenSource _cancellation;

        private PendingList(CancellationTokenSource cancellation, Task<MicrotestList<TItem>?> task)
        {
            _cancellation = cancellation;
            Task = task;
        }

        public Task<MicrotestList<TItem>?> Task { get; }

        public static PendingList<TItem> Start(MicrotestClient client, OrganisationEndpoint organisation, string nhsNumber, string listName, CancellationToken cancellationToken)
        {
            var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            return new PendingList<TItem>(cancellation, client.GetListAsync<TItem>(organisation, nhsNumber, listName, cancellation.Token));
        }

        public async ValueTask DisposeAsync()
        {
            if (!Task.IsCompleted)
            {
                await _cancellation.CancelAsync();
            }

            // Observed, never rethrown: whatever the list did is either already handled or no longer wanted.
            await ((Task)Task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _cancellation.Dispose();
        }
    }
}
