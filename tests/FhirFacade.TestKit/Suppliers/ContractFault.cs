using FhirFacade.Core.Suppliers;
using FhirFacade.Simulators.Faults;
using Xunit;

namespace FhirFacade.TestKit.Suppliers;

/// <summary>What an adapter must do when its supplier misbehaves in one way.</summary>
public enum ContractOutcome
{
    /// <summary>As if nothing were wrong: the same answer as without the fault.</summary>
    Answers,

    /// <summary>Gives up as soon as the caller's token is cancelled (the gateway's timeout), never waits the fault out.</summary>
    GivesUp,

    /// <summary>The call fails as a whole with a <see cref="SupplierException"/> of the row's <see cref="SupplierFailureKind"/>.</summary>
    Fails,

    /// <summary>The supplier said it holds no record for the patient: a search is <see cref="SupplierSearchResult.NotHeld"/>, a read not found, "do you hold?" false.</summary>
    NotHeld,

    /// <summary>The supplier answered about another patient: nothing of it is mapped, a search warns <see cref="PatientMismatch.Code"/>.</summary>
    Mismatch,
}

/// <summary>
/// One fault the simulators can inject, as the adapter contract names it, and what every adapter must make of it.
/// <see cref="FaultKind"/>s only one supplier's protocol can express (an HL7 NAK, a rejected OAuth token) have no
/// effect elsewhere, so their outcome comes from the supplier's subclass.
/// </summary>
/// <param name="Name">The row name shown in the test name.</param>
/// <param name="Kind">The simulator fault.</param>
/// <param name="Spec">The fault, scoped to the patient asked about wherever the simulator allows it.</param>
/// <param name="Outcome">What the adapter must do.</param>
/// <param name="Failure">For <see cref="ContractOutcome.Fails"/>: the failure kind.</param>
public sealed record ContractFault(string Name, FaultKind Kind, Func<string, FaultSpec> Spec, ContractOutcome Outcome, SupplierFailureKind? Failure = null)
{
    /// <summary>Latency well inside the caller's deadline.</summary>
    public const int ShortLatencyMs = 200;

    /// <summary>Latency far beyond any deadline the contract gives.</summary>
    public const int LongLatencyMs = 10_000;

    /// <summary>Every row of the fault contract, by name.</summary>
    public static IReadOnlyList<ContractFault> All { get; } =
    [
        new("latency-within-deadline", FaultKind.Latency, nhs => FaultSpec.Latency(ShortLatencyMs, nhs), ContractOutcome.Answers),
        new("latency-beyond-deadline", FaultKind.Latency, nhs => FaultSpec.Latency(LongLatencyMs, nhs), ContractOutcome.GivesUp),
        new("hang", FaultKind.Hang, nhs => FaultSpec.Of(FaultKind.Hang, nhs), ContractOutcome.GivesUp),
        new("error-500", FaultKind.ErrorStatus, nhs => FaultSpec.Error(500, nhs), ContractOutcome.Fails, SupplierFailureKind.Unavailable),
        new("error-503", FaultKind.ErrorStatus, nhs => FaultSpec.Error(503, nhs), ContractOutcome.Fails, SupplierFailureKind.Unavailable),
        new("error-401", FaultKind.ErrorStatus, nhs => FaultSpec.Error(401, nhs), ContractOutcome.Fails, SupplierFailureKind.Unauthorized),
        new("error-403", FaultKind.ErrorStatus, nhs => FaultSpec.Error(403, nhs), ContractOutcome.Fails, SupplierFailureKind.Unauthorized),
        new("error-404", FaultKind.ErrorStatus, nhs => FaultSpec.Error(404, nhs), ContractOutcome.NotHeld),

        // A closed port cannot be scoped to a patient.
        new("connection-refused", FaultKind.ConnectionRefused, _ => FaultSpec.Of(FaultKind.ConnectionRefused), ContractOutcome.Fails, SupplierFailureKind.Unavailable),
        new("malformed-payload", FaultKind.MalformedPayload, nhs => FaultSpec.Of(FaultKind.MalformedPayload, nhs), ContractOutcome.Fails, SupplierFailureKind.Malformed),
        new("wrong-patient", FaultKind.WrongPatient, nhs => FaultSpec.Of(FaultKind.WrongPatient, nhs), ContractOutcome.Mismatch),
        new("hl7-nak", FaultKind.Hl7Nak, nhs => FaultSpec.Of(FaultKind.Hl7Nak, nhs), ContractOutcome.Answers),
        new("token-rejected", FaultKind.TokenRejected, nhs => FaultSpec.Of(FaultKind.TokenRejected, nhs), ContractOutcome.Answers),
    ];

    /// <summary>The rows as theory data (one row name each).</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var fault in All)
            {
                data.Add(fault.Name);
            }

            return data;
        }
    }

    /// <summary>The row named <paramref name="name"/>.</summary>
    public static ContractFault Named(string name) => All.Single(f => f.Name == name);

    public override string ToString() => Name;
}
