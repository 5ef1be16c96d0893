namespace FhirFacade.Core.Search;

/// <summary>One parsed value of a search parameter (values separated by commas are alternatives).</summary>
public abstract record SearchValue;
