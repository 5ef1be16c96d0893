namespace FhirFacade.Core.Search;

/// <summary>
/// One parsed search parameter occurrence: its values are alternatives (OR); several criteria on
/// the same parameter must all hold (AND).
/// </summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Modifier">The modifier, if any.</param>
/// <param name="Values">The values (at least one).</param>
/// <param name="QueryName">The name as it goes into a canonical query (with chain or modifier).</param>
/// <param name="QueryValue">The value as written, for the canonical query.</param>
public sealed record SearchCriterion(
    SearchParameterDefinition Parameter,
    SearchModifier Modifier,
    IReadOnlyList<SearchValue> Values,
    string QueryName,
    string QueryValue);
