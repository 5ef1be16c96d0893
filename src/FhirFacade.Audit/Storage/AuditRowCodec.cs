using System.Data.Common;
using System.Text.Json;
using FhirFacade.Core.Audit;

namespace FhirFacade.Audit.Storage;

/// <summary>
/// Maps an <see cref="AuditEntry"/> to the shared columns and back. Lists are stored as compact
/// JSON text (not jsonb, which would reorder nothing here but normalises text): reading a row back
/// must give exactly the record that was hashed.
/// </summary>
internal static class AuditRowCodec
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static void Bind(DbCommand command, AuditEntry entry, object recorded)
    {
        var record = entry.Record;
        Add(command, "@seq", entry.Sequence);
        Add(command, "@recorded", recorded);
        Add(command, "@correlation_id", record.CorrelationId);
        Add(command, "@agent_client_id", record.Agent.ClientId);
        Add(command, "@agent_user_id", record.Agent.UserId);
        Add(command, "@agent_role_id", record.Agent.PractitionerRoleId);
        Add(command, "@agent_ods", record.Agent.OrganisationOdsCode);
        Add(command, "@interaction", record.Interaction);
        Add(command, "@method", record.Method);
        Add(command, "@path_template", record.PathTemplate);
        Add(command, "@resource_types", SerializeResourceTypes(record));
        Add(command, "@patient_nhs_number", record.PatientNhsNumber);
        Add(command, "@sources", SerializeSources(record));
        Add(command, "@resource_count", record.ResourceCount);
        Add(command, "@http_status", record.Outcome.HttpStatus);
        Add(command, "@issue_code", record.Outcome.IssueCode);
        Add(command, "@spine_code", record.Outcome.SpineCode);
        Add(command, "@source_ip", record.SourceIp);
        Add(command, "@previous_hash", entry.PreviousHash);
        Add(command, "@hash", entry.Hash);
    }

    public static string SerializeResourceTypes(AuditRecord record) => JsonSerializer.Serialize(record.ResourceTypes, JsonOptions);

    public static string SerializeSources(AuditRecord record) => JsonSerializer.Serialize(record.Sources, JsonOptions);

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Reads the current row as a chain row; the record is null when its columns cannot be read back.</summary>
    public static AuditChainRow ReadChainRow(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> readRecorded) =>
        new(reader.GetInt64(0), TryReadRecord(reader, readRecorded), reader.GetString(18), reader.GetString(19));

    /// <summary>Reads the current row as an entry.</summary>
    /// <exception cref="AuditUnavailableException">The row cannot be read back.</exception>
    public static AuditEntry ReadEntry(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> readRecorded)
    {
        var row = ReadChainRow(reader, readRecorded);
        return row.Record is null
            ? throw new AuditUnavailableException("An audit row cannot be read back; run 'fhirfacade audit verify'.")
            : new AuditEntry(row.Sequence, row.Record, row.PreviousHash, row.Hash);
    }

    private static AuditRecord? TryReadRecord(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> readRecorded)
    {
        try
        {
            return new AuditRecord
            {
                Recorded = readRecorded(reader, 1),
                CorrelationId = reader.GetString(2),
                Agent = new AuditAgent(NullableString(reader, 3), NullableString(reader, 4), NullableString(reader, 5), NullableString(reader, 6)),
                Interaction = reader.GetString(7),
                Method = reader.GetString(8),
                PathTemplate = reader.GetString(9),
                ResourceTypes = JsonSerializer.Deserialize<string[]>(reader.GetString(10), JsonOptions) ?? [],
                PatientNhsNumber = NullableString(reader, 11),
                Sources = JsonSerializer.Deserialize<AuditSource[]>(reader.GetString(12), JsonOptions) ?? [],
                ResourceCount = reader.GetInt32(13),
                Outcome = new AuditOutcome(reader.GetInt32(14), NullableString(reader, 15), NullableString(reader, 16)),
                SourceIp = NullableString(reader, 17),
            };
        }
        catch (Exception exception) when (exception is JsonException or InvalidCastException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
