using System.Data.Common;
using System.Text;
using FhirFacade.Core.Audit;

namespace FhirFacade.Audit.Storage;

/// <summary>Builds the parameterised search over <c>audit_event</c> (the same SQL in SQLite and PostgreSQL).</summary>
internal static class AuditSearchSql
{
    public static void Build(DbCommand command, AuditQuery query, Func<DateTimeOffset, object> recordedValue)
    {
        var sql = new StringBuilder("SELECT ").Append(AuditColumns.SelectList).Append(" FROM audit_event WHERE 1 = 1");
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

        if (query.BeforeSequence is { } before)
        {
            sql.Append(" AND seq < @before");
            AuditRowCodec.Add(command, "@before", before);
        }

        sql.Append(" ORDER BY seq DESC LIMIT @count");
        AuditRowCodec.Add(command, "@count", query.EffectiveCount);
        command.CommandText = sql.ToString();
    }
}
