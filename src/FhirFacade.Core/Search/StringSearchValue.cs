namespace FhirFacade.Core.Search;

/// <summary>A string value (matched per the criterion's modifier: starts-with, <c>:exact</c> or <c>:contains</c>).</summary>
public sealed record StringSearchValue(string Text) : SearchValue;
