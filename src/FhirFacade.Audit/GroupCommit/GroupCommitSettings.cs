namespace FhirFacade.Audit.GroupCommit;

/// <summary>The group-commit knobs taken from <see cref="AuditOptions"/>.</summary>
internal sealed record GroupCommitSettings(int MaxBatchSize, TimeSpan MaxBatchDelay, int QueueCapacity)
{
    public static GroupCommitSettings From(AuditOptions options) =>
        new(Math.Max(1, options.MaxBatchSize), options.MaxBatchDelay, Math.Max(1, options.QueueCapacity));
}
