using System.Buffers;
using System.Text.Json;

namespace FhirFacade.Core.Audit;

/// <summary>
/// The canonical serialization of an <see cref="AuditRecord"/> that the chain hashes: compact
/// UTF-8 JSON, properties in a fixed order, every property present (null when absent), lists in
/// their recorded order, the instant as <see cref="AuditRecordRules.FormatInstant"/>. Changing it
/// changes every hash: bump <see cref="Version"/> and keep the old form verifiable.
/// </summary>
public static class AuditCanonicalForm
{
    /// <summary>The version written as the first property.</summary>
    public const int Version = 1;

    /// <summary>The canonical UTF-8 bytes of a (normalized) record.</summary>
    public static byte[] Serialize(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            writer.WriteString("recorded", AuditRecordRules.FormatInstant(record.Recorded));
            writer.WriteString("correlationId", record.CorrelationId);
            writer.WriteStartObject("agent");
            writer.WriteString("clientId", record.Agent.ClientId);
            writer.WriteString("userId", record.Agent.UserId);
            writer.WriteString("practitionerRoleId", record.Agent.PractitionerRoleId);
            writer.WriteString("organisationOdsCode", record.Agent.OrganisationOdsCode);
            writer.WriteEndObject();
            writer.WriteString("interaction", record.Interaction);
            writer.WriteString("method", record.Method);
            writer.WriteString("pathTemplate", record.PathTemplate);
            writer.WriteStartArray("resourceTypes");
            foreach (var type in record.ResourceTypes)
            {
                writer.WriteStringValue(type);
            }

            writer.WriteEndArray();
            writer.WriteString("patientNhsNumber", record.PatientNhsNumber);
            writer.WriteStartArray("sources");
            foreach (var source in record.Sources)
            {
                writer.WriteStartObject();
                writer.WriteString("supplier", source.Supplier);
                writer.WriteString("organisationOdsCode", source.OrganisationOdsCode);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("resourceCount", record.ResourceCount);
            writer.WriteStartObject("outcome");
            writer.WriteNumber("httpStatus", record.Outcome.HttpStatus);
            writer.WriteString("issueCode", record.Outcome.IssueCode);
            writer.WriteString("spineCode", record.Outcome.SpineCode);
            writer.WriteEndObject();
            writer.WriteString("sourceIp", record.SourceIp);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
