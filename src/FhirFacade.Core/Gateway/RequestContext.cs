namespace FhirFacade.Core.Gateway;

/// <summary>
/// One request as the gateway sees it, passed as an argument into every gateway call: the caller (absent when no
/// security layer authenticated one), the correlation id the server gave the request, and the budget bounding all
/// of its supplier work. Immutable, built once at the edge (docs/architecture.md, "The gateway").
/// </summary>
/// <param name="Caller">The authenticated caller; <see langword="null"/> for a composition without security (tests, tools).</param>
/// <param name="CorrelationId">The request's correlation id (<c>X-Request-Id</c>).</param>
/// <param name="Budget">How long the request's supplier work may take in all (<see cref="GatewayOptions.OverallBudget"/>).</param>
public sealed record RequestContext(Caller? Caller, string CorrelationId, TimeSpan Budget)
{
    /// <summary>The requesting organisation's ODS code; <see langword="null"/> when the request names none.</summary>
    public string? RequestingOrganisation => Caller?.OrganisationOds;

    /// <summary>The launch patient confining the request, if any.</summary>
    public string? PatientContext => Caller?.PatientContext;

    /// <summary>A context with no caller (no security layer): nothing is confined and no requesting organisation is stated.</summary>
    public static RequestContext WithoutCaller(string correlationId, TimeSpan budget) => new(null, correlationId, budget);

    /// <summary>Creates the token source bounding the request's supplier work: cancelled by <paramref name="cancellationToken"/> or when <see cref="Budget"/> runs out.</summary>
    public CancellationTokenSource StartBudget(CancellationToken cancellationToken)
    {
        var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        return budget;
    }
}
