using System.Collections.Immutable;

namespace FhirFacade.Simulators.Faults;

/// <summary>
/// The thread-safe fault state of one simulator. Setting a fault replaces any fault of the same kind
/// and scope. <see cref="FaultKind.ConnectionRefused"/> takes effect asynchronously through
/// <see cref="Changed"/>; use the simulator's ApplyFaultAsync to wait for it.
/// </summary>
public sealed class FaultController
{
    private ImmutableArray<FaultSpec> _faults = [];

    /// <summary>Raised after every change (the simulator reacts to ConnectionRefused).</summary>
    public event EventHandler? Changed;

    /// <summary>The faults currently set.</summary>
    public IReadOnlyList<FaultSpec> Active => _faults;

    /// <summary>True while a ConnectionRefused fault is set.</summary>
    public bool IsRefusingConnections => _faults.Any(f => f.Kind == FaultKind.ConnectionRefused);

    public void Set(FaultSpec fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ImmutableInterlocked.Update(ref _faults, current => current
            .RemoveAll(f => f.Kind == fault.Kind && string.Equals(f.NhsNumber, fault.NhsNumber, StringComparison.Ordinal))
            .Add(fault));
        Changed?.Invoke(this, EventArgs.Empty);
    }

    public void Clear()
    {
        ImmutableInterlocked.Update(ref _faults, _ => []);
        Changed?.Invoke(this, EventArgs.Empty);
    }

    public void Clear(FaultKind kind)
    {
        ImmutableInterlocked.Update(ref _faults, current => current.RemoveAll(f => f.Kind == kind));
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>The faults applying to a request about <paramref name="nhsNumber"/> (null: a request about no patient).</summary>
    internal AppliedFaults For(string? nhsNumber)
    {
        var snapshot = _faults;
        if (snapshot.IsEmpty)
        {
            return AppliedFaults.None;
        }

        var applying = snapshot.Where(f => f.NhsNumber is null || string.Equals(f.NhsNumber, nhsNumber, StringComparison.Ordinal)).ToArray();
        return new AppliedFaults(
            applying.Where(f => f.Kind == FaultKind.Latency).Sum(f => f.LatencyMs),
            applying.FirstOrDefault(f => f.Kind == FaultKind.ErrorStatus)?.StatusCode,
            applying.Any(f => f.Kind == FaultKind.Hang),
            applying.Any(f => f.Kind == FaultKind.MalformedPayload),
            applying.Any(f => f.Kind == FaultKind.WrongPatient),
            applying.Any(f => f.Kind == FaultKind.Hl7Nak),
            applying.Any(f => f.Kind == FaultKind.TokenRejected))
        {
            WrongPatientAnswer = applying.FirstOrDefault(f => f.Kind == FaultKind.WrongPatient)?.AnswerWith,
            StandInRecordOf = applying.FirstOrDefault(f => f.Kind == FaultKind.StandInRecord)?.AnswerWith,
            StandInRevealsConfidential = applying.FirstOrDefault(f => f.Kind == FaultKind.StandInRecord)?.RevealConfidential ?? false,
        };
    }
}
