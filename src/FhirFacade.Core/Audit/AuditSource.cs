namespace FhirFacade.Core.Audit;

/// <summary>One supplier system and organisation consulted while answering a request.</summary>
/// <param name="Supplier">The supplier key (<c>emis</c>, <c>tpp</c>, <c>vision</c>, <c>microtest</c>).</param>
/// <param name="OrganisationOdsCode">The ODS code of the organisation whose record was read.</param>
public sealed record AuditSource(string Supplier, string OrganisationOdsCode);
