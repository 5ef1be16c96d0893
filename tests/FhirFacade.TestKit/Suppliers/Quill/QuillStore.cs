using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;

namespace FhirFacade.TestKit.Suppliers.Quill;

/// <summary>
/// Quill itself: an in-memory store of native records, with the simulators' fault controller in front of it, so the
/// adapter contract (<see cref="SupplierAdapterContractTests"/>) can make it slow, hang, fail, refuse connections, send
/// garbage, answer about the wrong patient or answer with a stand-in record, exactly as it does the four real simulators.
/// </summary>
public sealed class QuillStore : ISupplierSimulator
{
    /// <summary>The practice the store holds most records for.</summary>
    public const string PracticeOds = "Q00001";

    /// <summary>Another Quill practice (records held there are "held elsewhere" for <see cref="PracticeOds"/>).</summary>
    public const string OtherPracticeOds = "Q00002";

    private readonly Dictionary<string, QuillRecord> _records = new(StringComparer.Ordinal);

    public QuillStore()
    {
        foreach (var record in QuillDemoRecords.All)
        {
            _records[record.Patient.NhsNumber!] = record;
        }
    }

    /// <summary>Quill is none of the simulated suppliers the real simulators stand for.</summary>
    public SupplierKind Supplier => throw new NotSupportedException("Quill is a test-only supplier, not one of the simulated supplier kinds.");

    public FaultController Faults { get; } = new();

    public bool IsListening => !Faults.IsRefusingConnections;

    /// <summary>The records the store holds (for tests that look up what to expect).</summary>
    public IReadOnlyCollection<QuillRecord> Records => _records.Values;

    public Task ApplyFaultAsync(FaultSpec fault, CancellationToken cancellationToken)
    {
        Faults.Set(fault);
        return Task.CompletedTask;
    }

    public Task ClearFaultsAsync(CancellationToken cancellationToken)
    {
        Faults.Clear();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>What Quill answers when asked for the record of <paramref name="nhsNumber"/>, with the faults in force applied.</summary>
    public async Task<QuillAnswer> GetRecordAsync(string nhsNumber, CancellationToken cancellationToken)
    {
        var faults = Faults.Active.Where(f => f.NhsNumber is null || string.Equals(f.NhsNumber, nhsNumber, StringComparison.Ordinal)).ToList();
        if (faults.Exists(f => f.Kind == FaultKind.ConnectionRefused))
        {
            return new QuillAnswer(QuillAnswer.NoConnection);
        }

        var latency = faults.Where(f => f.Kind == FaultKind.Latency).Sum(f => f.LatencyMs);
        if (latency > 0)
        {
            await Task.Delay(latency, cancellationToken);
        }

        if (faults.Exists(f => f.Kind == FaultKind.Hang))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (faults.Find(f => f.Kind == FaultKind.ErrorStatus) is { } error)
        {
            return new QuillAnswer(error.StatusCode);
        }

        if (faults.Exists(f => f.Kind == FaultKind.MalformedPayload))
        {
            return new QuillAnswer(200, Garbled: true);
        }

        if (!_records.TryGetValue(nhsNumber, out var record))
        {
            return new QuillAnswer(404);
        }

        if (faults.Find(f => f.Kind == FaultKind.WrongPatient) is { } wrong)
        {
            var other = wrong.AnswerWith is { } answerWith && _records.TryGetValue(answerWith, out var named)
                ? named
                : _records.Values.First(r => r.PracticeOds == record.PracticeOds && r.Patient.NhsNumber != nhsNumber && r.Patient is { Sensitive: false, Dissent: false });
            return new QuillAnswer(200, other);
        }

        if (faults.Find(f => f.Kind == FaultKind.StandInRecord) is { AnswerWith: { } standIn } stand && _records.TryGetValue(standIn, out var standing))
        {
            // Another patient's content, presented as the record of the patient asked about, at the practice asked.
            var shown = stand.RevealConfidential ? NothingConfidential(standing) : standing;
            return new QuillAnswer(200, shown with { PracticeOds = record.PracticeOds, Patient = standing.Patient with { NhsNumber = nhsNumber } });
        }

        return new QuillAnswer(200, record);
    }

    private static QuillRecord NothingConfidential(QuillRecord record) => record with
    {
        Problems = [.. record.Problems.Select(p => p with { Confidential = false })],
        Allergies = [.. record.Allergies.Select(a => a with { Confidential = false })],
        Medications = [.. record.Medications.Select(m => m with { Confidential = false })],
    };
}
