namespace FhirFacade.Core.Suppliers;

/// <summary>What a supplier's record about one patient says about that patient, as the adapter skeleton screens it.</summary>
/// <param name="NhsNumber">The NHS number the record names (<see langword="null"/> or blank: it names no patient).</param>
/// <param name="Sensitive">The patient is flagged sensitive.</param>
/// <param name="Dissent">The patient has dissented from sharing.</param>
/// <param name="Version">The record's native version, when the supplier has one (becomes <c>meta.versionId</c>).</param>
public sealed record RecordFacts(string? NhsNumber, bool Sensitive, bool Dissent, string? Version);
