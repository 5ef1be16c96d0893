using FhirFacade.Core.Identity;
using FhirFacade.Core.Suppliers;

namespace FhirFacade.TestKit.Server;

/// <summary>
/// An in-memory supplier adapter for gateway unit tests: holds resources per organisation, and can be
/// told to fail or hang. Integration tests use the real simulators instead.
/// </summary>
public sealed class FakeSupplierAdapter : ISupplierAdapter
{
    private readonly Dictionary<string, List<SupplierResource>> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SupplierFailureKind> _failures = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hanging = new(StringComparer.Ordinal);
    private readonly HashSet<string> _notHolding = new(StringComparer.Ordinal);
    private PatientSelector? _readsAskAbout;
    private string? _readRecordsAbout;

    public FakeSupplierAdapter(string supplierId = "fake", IReadOnlySet<string>? nativeSearchParameters = null)
    {
        SupplierId = supplierId;
        var native = nativeSearchParameters ?? new HashSet<string>();
        Capabilities =
        [
            new SupplierResourceCapability("Patient", true, native),
            new SupplierResourceCapability("Condition", true, native),
            new SupplierResourceCapability("MedicationStatement", true, native),
            new SupplierResourceCapability("Medication", false, native),
        ];
    }

    public string SupplierId { get; }

    public string DisplayName => "Fake " + SupplierId;

    public IReadOnlyList<SupplierResourceCapability> Capabilities { get; }

    /// <summary>The queries received, in order.</summary>
    public List<SupplierQuery> Queries { get; } = [];

    /// <summary>Adds a resource held at an organisation.</summary>
    public FakeSupplierAdapter Add(string odsCode, SupplierResource resource)
    {
        if (!_resources.TryGetValue(odsCode, out var list))
        {
            _resources[odsCode] = list = [];
        }

        list.Add(resource);
        return this;
    }

    /// <summary>Makes every call for an organisation fail.</summary>
    public FakeSupplierAdapter FailAt(string odsCode, SupplierFailureKind kind)
    {
        _failures[odsCode] = kind;
        return this;
    }

    /// <summary>Makes every call for an organisation wait until cancelled.</summary>
    public FakeSupplierAdapter HangAt(string odsCode)
    {
        _hanging.Add(odsCode);
        return this;
    }

    /// <summary>
    /// Makes an organisation answer every search with "no such patient here" (<see cref="SupplierSearchResult.NotHeld"/>)
    /// while record location still lists it as a holder: the stale-location case.
    /// </summary>
    public FakeSupplierAdapter NoLongerHoldsAt(string odsCode)
    {
        _notHolding.Add(odsCode);
        return this;
    }

    /// <summary>
    /// Makes every read say it asked about <paramref name="nhsNumber"/> (as a real adapter does for
    /// patient-scoped records) and, when given, that the native record it got back is about <paramref name="recordNhsNumber"/>.
    /// </summary>
    public FakeSupplierAdapter ReadsAskAbout(string nhsNumber, string? recordNhsNumber = null)
    {
        _readsAskAbout = PatientSelector.ForNativeId(nhsNumber);
        _readRecordsAbout = recordNhsNumber;
        return this;
    }

    public async Task<bool> HoldsPatientAsync(OrganisationEndpoint organisation, NhsNumber nhsNumber, CancellationToken cancellationToken)
    {
        await FailOrHangAsync(organisation, cancellationToken);
        return Held(organisation).Any(r => r.PatientNhsNumber == nhsNumber.Value);
    }

    public async Task<SupplierSearchResult> SearchAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken)
    {
        Queries.Add(query);
        await FailOrHangAsync(organisation, cancellationToken);
        if (_notHolding.Contains(organisation.OdsCode))
        {
            return SupplierSearchResult.NotHeld;
        }

        var matches = Held(organisation).Where(r => r.ResourceType == query.ResourceType).ToList();
        // Like the real adapters: the medications of a MedicationStatement search always come back (the gateway keys merges by them).
        var included = query.ResourceType == "MedicationStatement" ? Held(organisation).Where(r => r.ResourceType == "Medication").ToList() : [];
        return new SupplierSearchResult(matches, included, []);
    }

    public async Task<SupplierReadResult> ReadAsync(OrganisationEndpoint organisation, string resourceType, string nativeId, CancellationToken cancellationToken)
    {
        await FailOrHangAsync(organisation, cancellationToken);
        var found = Held(organisation).FirstOrDefault(r => r.ResourceType == resourceType && r.NativeId == nativeId);
        return new SupplierReadResult(found, []) { AskedAbout = _readsAskAbout, RecordNhsNumber = _readRecordsAbout ?? found?.PatientNhsNumber };
    }

    private IEnumerable<SupplierResource> Held(OrganisationEndpoint organisation) =>
        _resources.TryGetValue(organisation.OdsCode, out var list) ? list : [];

    private async Task FailOrHangAsync(OrganisationEndpoint organisation, CancellationToken cancellationToken)
    {
        if (_hanging.Contains(organisation.OdsCode))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (_failures.TryGetValue(organisation.OdsCode, out var kind))
        {
            throw new SupplierException(kind, "Injected failure.");
        }
    }
}
