namespace FhirFacade.Core.Search;

/// <summary>
/// A token value: <c>code</c> (any system), <c>system|code</c>, <c>|code</c> (no system) or
/// <c>system|</c> (any code in the system).
/// </summary>
/// <param name="System">The system, or <see langword="null"/> when none was given (<see cref="HasSystem"/> tells <c>|code</c> from <c>code</c>).</param>
/// <param name="Code">The code, or <see langword="null"/> for <c>system|</c>.</param>
/// <param name="HasSystem"><see langword="true"/> when the value contained a <c>|</c>.</param>
public sealed record TokenSearchValue(string? System, string? Code, bool HasSystem) : SearchValue;
