namespace FhirFacade.Audit.Storage;

/// <summary>The audit table layout both stores share (only the type of <c>recorded</c> differs).</summary>
internal static class AuditColumns
{
    public const string EventTable = "audit_event";
    public const string HeadTable = "audit_chain_head";

    /// <summary>The select list, in the ordinals <see cref="AuditRowCodec"/> reads.</summary>
    public const string SelectList =
        "seq, recorded, correlation_id, agent_client_id, agent_user_id, agent_role_id, agent_ods, " +
        "interaction, method, path_template, resource_types, patient_nhs_number, sources, resource_count, " +
        "http_status, issue_code, spine_code, source_ip, previous_hash, hash";

    public const string Insert =
        "INSERT INTO audit_event (" + SelectList + ") VALUES (" +
        "@seq, @recorded, @correlation_id, @agent_client_id, @agent_user_id, @agent_role_id, @agent_ods, " +
        "@interaction, @method, @path_template, @resource_types, @patient_nhs_number, @sources, @resource_count, " +
        "@http_status, @issue_code, @spine_code, @source_ip, @previous_hash, @hash)";

    public const string SelectHead = "SELECT seq, hash FROM audit_chain_head WHERE id = 1";

    public const string UpdateHead = "UPDATE audit_chain_head SET seq = @head_seq, hash = @head_hash WHERE id = 1";

    public const string SelectChain = "SELECT " + SelectList + " FROM audit_event ORDER BY seq";
}
