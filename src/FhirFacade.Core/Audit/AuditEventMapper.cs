using System.Globalization;
using System.Text.Json.Nodes;

namespace FhirFacade.Core.Audit;

/// <summary>
/// Shows an <see cref="AuditEntry"/> as a FHIR R4 AuditEvent (https://hl7.org/fhir/R4/auditevent.html)
/// for <c>/AuditEvent</c>: type <c>rest</c> with the interaction as subtype; the user and their
/// organisation as agents; the patient (NHS number) and each organisation consulted as entities;
/// correlation id, path template, status codes, resource count and chain position as details.
/// </summary>
public static class AuditEventMapper
{
    private const string SourceName = "FhirFacade";

    public static JsonObject ToFhir(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var record = entry.Record;
        var auditEvent = new JsonObject
        {
            ["resourceType"] = "AuditEvent",
            ["id"] = entry.Sequence.ToString(CultureInfo.InvariantCulture),
            ["type"] = Coding(AuditFhirSystems.AuditEventType, "rest", "RESTful Operation"),
            ["subtype"] = new JsonArray(Coding(AuditFhirSystems.RestfulInteraction, record.Interaction, null)),
            ["action"] = Action(record.Interaction),
            ["recorded"] = AuditRecordRules.FormatInstant(record.Recorded),
            ["outcome"] = Outcome(record.Outcome.HttpStatus),
            ["outcomeDesc"] = OutcomeDescription(record.Outcome),
            ["agent"] = Agents(record),
            ["source"] = new JsonObject
            {
                ["site"] = SourceName,
                ["observer"] = new JsonObject { ["display"] = SourceName },
                ["type"] = new JsonArray(Coding(AuditFhirSystems.SecuritySourceType, "3", "Web Server")),
            },
            ["entity"] = Entities(entry),
        };
        return auditEvent;
    }

    private static string Action(string interaction) => interaction switch
    {
        AuditInteractions.Read or AuditInteractions.VRead or AuditInteractions.History => "R",
        _ => "E",
    };

    // R4 AuditEvent.outcome: 0 success, 4 minor failure (client error), 8 serious failure (server error).
    private static string Outcome(int httpStatus) => httpStatus switch
    {
        < 400 => "0",
        < 500 => "4",
        _ => "8",
    };

    private static string OutcomeDescription(AuditOutcome outcome) =>
        string.Join(' ', new[] { outcome.HttpStatus.ToString(CultureInfo.InvariantCulture), outcome.IssueCode, outcome.SpineCode }.Where(p => p is not null));

    private static JsonArray Agents(AuditRecord record)
    {
        var user = new JsonObject { ["requestor"] = true };
        if (record.Agent.UserId is not null)
        {
            user["who"] = IdentifierReference(AuditFhirSystems.SdsUserId, record.Agent.UserId);
        }

        if (record.Agent.ClientId is not null)
        {
            user["altId"] = record.Agent.ClientId;
        }

        if (record.Agent.PractitionerRoleId is not null)
        {
            user["role"] = new JsonArray(new JsonObject { ["text"] = record.Agent.PractitionerRoleId });
        }

        if (record.SourceIp is not null)
        {
            user["network"] = new JsonObject { ["address"] = record.SourceIp, ["type"] = "2" };
        }

        var agents = new JsonArray(user);
        if (record.Agent.OrganisationOdsCode is not null)
        {
            agents.Add(new JsonObject
            {
                ["who"] = IdentifierReference(AuditFhirSystems.OdsOrganizationCode, record.Agent.OrganisationOdsCode),
                ["requestor"] = false,
            });
        }

        return agents;
    }

    private static JsonArray Entities(AuditEntry entry)
    {
        var record = entry.Record;
        var entities = new JsonArray();
        if (record.PatientNhsNumber is not null)
        {
            entities.Add(new JsonObject
            {
                ["what"] = IdentifierReference(AuditFhirSystems.NhsNumber, record.PatientNhsNumber),
                ["type"] = Coding(AuditFhirSystems.AuditEntityType, "1", "Person"),
                ["role"] = Coding(AuditFhirSystems.ObjectRole, "1", "Patient"),
            });
        }

        foreach (var source in record.Sources)
        {
            entities.Add(new JsonObject
            {
                ["what"] = IdentifierReference(AuditFhirSystems.OdsOrganizationCode, source.OrganisationOdsCode),
                ["type"] = Coding(AuditFhirSystems.AuditEntityType, "2", "System Object"),
                ["description"] = "Record consulted through supplier " + source.Supplier,
            });
        }

        var details = new JsonArray(
            Detail("correlation-id", record.CorrelationId),
            Detail("method", record.Method),
            Detail("path", record.PathTemplate),
            Detail("resource-types", string.Join(',', record.ResourceTypes)),
            Detail("resource-count", record.ResourceCount.ToString(CultureInfo.InvariantCulture)),
            Detail("chain-hash", entry.Hash));
        entities.Add(new JsonObject
        {
            ["type"] = Coding(AuditFhirSystems.AuditEntityType, "2", "System Object"),
            ["description"] = "Request",
            ["detail"] = details,
        });
        return entities;
    }

    private static JsonObject Detail(string type, string value) => new() { ["type"] = type, ["valueString"] = value };

    private static JsonObject IdentifierReference(string system, string value) =>
        new() { ["identifier"] = new JsonObject { ["system"] = system, ["value"] = value } };

    private static JsonObject Coding(string system, string code, string? display)
    {
        var coding = new JsonObject { ["system"] = system, ["code"] = code };
        if (display is not null)
        {
            coding["display"] = display;
        }

        return coding;
    }
}
