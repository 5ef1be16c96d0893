using System.Text.Json.Nodes;

namespace FhirFacade.Validation.DifferentialTests.Mutants;

/// <summary>
/// One UK Core example (<see cref="File"/>) with one rule broken (<see cref="Break"/>), validated against
/// <see cref="Profile"/>. <see cref="KernelCode"/> is the issue code the project's validator must report
/// (<see langword="null"/>: any error, for input the parser already refuses).
/// </summary>
internal sealed record Mutant(string Category, string File, string Profile, Action<JsonObject> Break, string? KernelCode);
