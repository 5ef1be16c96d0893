namespace FhirFacade.Core.Search;

/// <summary>A date value with its prefix and the range the (possibly partial) date stands for.</summary>
public sealed record DateSearchValue(DatePrefix Prefix, DateRange Range) : SearchValue;
