using System.Data.Common;
using System.Text;
using FhirFacade.Core.Audit;

namespace FhirFacade.Audit.Storage;

/// <summary>Builds the parameterised search over <c>audit_event</c> (the same SQL in SQLite and PostgreSQL).</summary>
internal static class AuditSearchSql
{
    /// <summary>
    /// One page: newest first, or — with <see cref="AuditQuery.AfterSequence"/> — the page just above that sequence,
    /// read oldest first (the store reverses it, <see cref="NewestFirst"/>).
    /// </summary>
    public static void Build(DbCommand command, AuditQuery query, Func<DateTimeOffset, object> recordedValue)
    {
        var sql = new StringBuilder("SELECT ").Append(AuditColumns.SelectList).Append(" FROM audit_event WHERE 1 = 1");
        Filter(command, sql, query, recordedValue);
        if (query.BeforeSequence is { } before)
        {
            sql.Append(" AND seq < @before");
            AuditRowCodec.Add(command, "@before", before);
        }

        if (query.AfterSequence is { } after)
        {
            sql.Append(" AND seq > @after");
            AuditRowCodec.Add(command, "@after", after);
        }

        sql.Append(query.AfterSequence is null ? " ORDER BY seq DESC LIMIT @count" : " ORDER BY seq ASC LIMIT @count");
        AuditRowCodec.Add(command, "@count", query.EffectiveCount);
        command.CommandText = sql.ToString();
    }

    /// <summary>Counts every entry the query's filters match, whatever page it asks for.</summary>
    public static void BuildCount(DbCommand command, AuditQuery query, Func<DateTimeOffset, object> recordedValue)
    {
        var sql = new StringBuilder("SELECT COUNT(*) FROM audit_event WHERE 1 = 1");
        Filter(command, sql, query, recordedValue);
        command.CommandText = sql.ToString();
    }

    /// <summary>Runs <see cref="Build"/> on <paramref name="command"/> and reads the page, newest first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ReadPageAsync(DbCommand command, AuditQuery query, Func<DateTimeOffset, object> recordedValue, Func<DbDataReader, int, DateTimeOffset> readRecorded, CancellationToken cancellationToken)
    {
        Build(command, query, recordedValue);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(AuditRowCodec.ReadEntry(reader, readRecorded));
        }

        return NewestFirst(entries, query);
    }

    /// <summary>Runs <see cref="BuildCount"/> on <paramref name="command"/>.</summary>
    public static async Task<long> CountAsync(DbCommand command, AuditQuery query, Func<DateTimeOffset, object> recordedValue, CancellationToken cancellationToken)
    {
        BuildCount(command, query, recordedValue);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A page read by <see cref="Build"/> in the order the trail answers (newest first).</summary>
    private static List<AuditEntry> NewestFirst(List<AuditEntry> page, AuditQuery query)
    {
        if (query.AfterSequence is not null)
        {
            page.Reverse();
        }

        return page;
    }

    private static void Filter(DbCommand command, StringBuilder sql, AuditQuery query, Func<DateTimeOffset, object> recordedValue)
    {
        if (query.PatientNhsNumber is not null)
        {
            sql.Append(" AND patient_nhs_number = @patient");
            AuditRowCodec.Add(command, "@patient", query.PatientNhsNumber);
        }

        if (query.From is { } from)
        {
            sql.Append(" AND recorded >= @from");
            AuditRowCodec.Add(command, "@from", recordedValue(from));
        }

        if (query.To is { } to)
        {
            sql.Append(" AND recorded < @to");
            AuditRowCodec.Add(command, "@to", recordedValue(to));
        }

        if (query.Agent is not null)
        {
            sql.Append(" AND (agent_client_id = @agent OR agent_user_id = @agent)");
            AuditRowCodec.Add(command, "@agent", query.Agent);
        }

        if (query.AgentOrganisationOdsCode is not null)
        {
            sql.Append(" AND agent_ods = @agent_ods");
            AuditRowCodec.Add(command, "@agent_ods", query.AgentOrganisationOdsCode);
        }

        if (query.CorrelationId is not null)
        {
            sql.Append(" AND correlation_id = @correlation_id");
            AuditRowCodec.Add(command, "@correlation_id", query.CorrelationId);
        }
    }
}
