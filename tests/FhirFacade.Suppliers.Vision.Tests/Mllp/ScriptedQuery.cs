namespace FhirFacade.Suppliers.Vision.Tests.Mllp;

/// <summary>
/// A query the scripted server received: on which connection (1-based), its number there, its MSH-10, and what it
/// asked: the query name (QPD-1.1: <c>VRQ</c>, <c>VEQ</c>, <c>VDQ</c>) and its subject (QPD-3.1: the NHS number, or the family name).
/// </summary>
internal sealed record ScriptedQuery(int Connection, int QueryOnConnection, string ControlId, string QueryName, string Subject);
