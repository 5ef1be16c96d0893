namespace FhirFacade.Suppliers.Vision.Tests.Mllp;

/// <summary>A query the scripted server received: on which connection (1-based), its number there, and its MSH-10.</summary>
internal sealed record ScriptedQuery(int Connection, int QueryOnConnection, string ControlId);
