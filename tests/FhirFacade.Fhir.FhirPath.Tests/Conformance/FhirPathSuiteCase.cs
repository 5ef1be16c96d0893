namespace FhirFacade.Fhir.FhirPath.Tests.Conformance;

/// <summary>One <c>&lt;test&gt;</c> of the official FHIRPath R4 suite.</summary>
internal sealed record FhirPathSuiteCase(
    string Key,
    string? InputFile,
    string Expression,
    string? Invalid,
    bool Predicate,
    IReadOnlyList<(string? Type, string Value)> Outputs);
