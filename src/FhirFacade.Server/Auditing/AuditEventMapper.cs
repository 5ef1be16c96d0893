using System.Globalization;
using FhirFacade.Core.Audit;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Resources;

namespace FhirFacade.Server.Auditing;

/// <summary>
/// Shows a stored audit entry as a FHIR AuditEvent (https://hl7.org/fhir/R4/auditevent.html): the
/// REST interaction, who (client, user, organisation), the patient by NHS number only, the supplier
/// organisations consulted, the outcome with its Spine code, the correlation id and the entry's
/// place in the hash chain. It holds no clinical content because the record holds none.
/// </summary>
internal static class AuditEventMapper
{
    public static AuditEvent Map(AuditEntry entry)
    {
        var record = entry.Record;
        var auditEvent = new AuditEvent
        {
            Id = "audit-" + entry.Sequence.ToString(CultureInfo.InvariantCulture),
            Type = new Coding(AuditCodes.EventTypeSystem, "rest", "RESTful Operation"),
            Subtype = { new Coding(AuditCodes.RestfulInteractionSystem, record.Interaction) },
            Action = record.Interaction is AuditInteractions.Read or AuditInteractions.VRead or AuditInteractions.SearchType or AuditInteractions.SearchCompartment or AuditInteractions.SearchSystem or AuditInteractions.Capabilities ? "R" : "E",
            Recorded = record.Recorded.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            Outcome = record.Outcome.HttpStatus switch
            {
                < 400 => "0",
                < 500 => "4",
                _ => "8",
            },
            OutcomeDesc = Describe(record.Outcome),
            Source = new AuditEvent.SourceComponent
            {
                Observer = new Reference { Display = "FhirFacade" },
                Type = { new Coding(AuditCodes.SourceTypeSystem, "3", "Web Server") },
            },
        };

        auditEvent.Agent.Add(new AuditEvent.AgentComponent
        {
            Type = new CodeableConcept { Coding = { new Coding(AuditCodes.ParticipationTypeSystem, "IRCP", "information recipient") } },
            Who = record.Agent.ClientId is null ? new Reference { Display = "anonymous" } : Reference.ToIdentifier("Device", AuditCodes.ClientIdSystem, record.Agent.ClientId),
            AltId = record.Agent.UserId,
            Name = record.Agent.PractitionerRoleId,
            Requestor = true,
            Network = record.SourceIp is null ? null : new AuditEvent.NetworkComponent { Address = record.SourceIp, Type = "2" },
        });

        if (record.Agent.OrganisationOdsCode is not null)
        {
            auditEvent.Agent.Add(new AuditEvent.AgentComponent
            {
                Who = Reference.ToIdentifier("Organization", UkCoreSystems.OdsOrganizationCode, record.Agent.OrganisationOdsCode),
                Requestor = false,
            });
        }

        if (record.PatientNhsNumber is not null)
        {
            auditEvent.Entity.Add(new AuditEvent.EntityComponent
            {
                What = Reference.ToIdentifier("Patient", UkCoreSystems.NhsNumber, record.PatientNhsNumber),
                Type = new Coding(AuditCodes.EntityTypeSystem, "1", "Person"),
                Role = new Coding(AuditCodes.ObjectRoleSystem, "1", "Patient"),
            });
        }

        foreach (var source in record.Sources)
        {
            auditEvent.Entity.Add(new AuditEvent.EntityComponent
            {
                What = Reference.ToIdentifier("Organization", UkCoreSystems.OdsOrganizationCode, source.OrganisationOdsCode),
                Type = new Coding(AuditCodes.EntityTypeSystem, "2", "System Object"),
                Name = source.Supplier,
                Description = "Supplier system consulted",
            });
        }

        var request = new AuditEvent.EntityComponent
        {
            Type = new Coding(AuditCodes.EntityTypeSystem, "2", "System Object"),
            Name = record.Method + " " + record.PathTemplate,
            Description = "The request",
        };
        request.Detail.Add(Detail("correlation-id", record.CorrelationId));
        request.Detail.Add(Detail("resource-types", string.Join(',', record.ResourceTypes)));
        request.Detail.Add(Detail("resource-count", record.ResourceCount.ToString(CultureInfo.InvariantCulture)));
        request.Detail.Add(Detail("chain-sequence", entry.Sequence.ToString(CultureInfo.InvariantCulture)));
        request.Detail.Add(Detail("chain-hash", entry.Hash));
        auditEvent.Entity.Add(request);
        return auditEvent;
    }

    private static AuditEvent.DetailComponent Detail(string type, string value) =>
        new() { Type = type, Value = new FhirString(value) };

    private static string Describe(AuditOutcome outcome)
    {
        var text = "HTTP " + outcome.HttpStatus.ToString(CultureInfo.InvariantCulture);
        if (outcome.IssueCode is not null)
        {
            text += " " + outcome.IssueCode;
        }

        return outcome.SpineCode is null ? text : text + " " + outcome.SpineCode;
    }
}
