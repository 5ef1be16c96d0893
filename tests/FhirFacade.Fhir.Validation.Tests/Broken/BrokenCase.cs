using System.Text.Json.Nodes;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Fhir.Validation.Tests.Broken;

/// <summary>
/// One deliberately broken resource: a valid UK Core example (<see cref="File"/>) with one change
/// (<see cref="Break"/>), validated against <see cref="Profile"/> (or only its <c>meta.profile</c>/core
/// type when <see langword="null"/>), and the one issue it must produce.
/// </summary>
internal sealed record BrokenCase(
    string File,
    string? Profile,
    Action<JsonObject> Break,
    string Code,
    string Location,
    string? ConstraintKey = null,
    IssueSeverity Severity = IssueSeverity.Error);
