using FhirFacade.Core.Audit;

namespace FhirFacade.Audit.GroupCommit;

/// <summary>One caller's record waiting in the group-commit queue.</summary>
internal sealed class PendingAppend(AuditRecord record)
{
    public AuditRecord Record { get; } = record;

    public TaskCompletionSource<AuditEntry> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
