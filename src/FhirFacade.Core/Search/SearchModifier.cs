namespace FhirFacade.Core.Search;

/// <summary>A search parameter modifier (<c>name:modifier=value</c>).</summary>
public enum SearchModifier
{
    None,

    /// <summary><c>:exact</c> on string parameters: whole, case-sensitive match.</summary>
    Exact,

    /// <summary><c>:contains</c> on string parameters: case-insensitive substring match.</summary>
    Contains,
}
