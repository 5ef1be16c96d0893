namespace FhirFacade.Fhir.Validation.Terminology;

/// <summary>How much of a code system is available locally.</summary>
internal enum CodeSystemAvailability
{
    /// <summary>Every code is present (<c>content = complete</c>).</summary>
    Complete,

    /// <summary>Some codes are present (<c>fragment</c>, <c>example</c>): present codes are known, absent ones cannot be judged.</summary>
    Partial,

    /// <summary>No usable content (external systems, <c>not-present</c>, or not loaded).</summary>
    NotAvailable,
}
