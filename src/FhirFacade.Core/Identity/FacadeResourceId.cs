namespace FhirFacade.Core.Identity;

/// <summary>Where a resource lives: supplier id, organisation ODS code and the supplier's native id.</summary>
/// <param name="Supplier">The supplier id (<c>emis</c>, <c>tpp</c>…).</param>
/// <param name="Organisation">The ODS code of the organisation whose system holds the record.</param>
/// <param name="NativeId">The supplier's own identifier of the record.</param>
public sealed record FacadeResourceId(string Supplier, string Organisation, string NativeId);
