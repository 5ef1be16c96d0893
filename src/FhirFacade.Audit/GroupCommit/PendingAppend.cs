using FhirFacade.Core.Audit;

namespace FhirFacade.Audit.GroupCommit;

/// <summary>One caller's record waiting in a group-commit queue; <see cref="Deferrable"/> when its answer does not wait for the commit.</summary>
internal sealed class PendingAppend(AuditRecord record, bool deferrable)
{
    public AuditRecord Record { get; } = record;

    public bool Deferrable { get; } = deferrable;

    public TaskCompletionSource<AuditEntry> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
