using Microsoft.Extensions.Logging;

namespace FhirFacade.Audit;

internal static partial class AuditLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Error, Message = "Audit store could not commit a batch of {Count} record(s); the requests fail closed")]
    public static partial void BatchCommitFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Error, Message = "Audit store ({Store}) could not be initialised at start-up; requests fail closed until it is reachable")]
    public static partial void InitializationFailed(ILogger logger, AuditStoreKind store, Exception exception);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Audit store ({Store}) ready")]
    public static partial void Initialized(ILogger logger, AuditStoreKind store);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Audit store (Sqlite) background WAL checkpoint failed; commits are unaffected and it will be retried")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Audit store housekeeping between batches failed; committed records are unaffected")]
    public static partial void HousekeepingFailed(ILogger logger, Exception exception);
}
