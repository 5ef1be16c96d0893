using Microsoft.Extensions.Logging;

namespace FhirFacade.Core;

/// <summary>Source-generated log messages of the gateway. Never patient data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Supplier {Supplier} at {Organisation}: {What} in {ElapsedMilliseconds} ms")]
    public static partial void SupplierCallSucceeded(ILogger logger, string supplier, string organisation, string what, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Supplier {Supplier} at {Organisation}: {What} failed ({Kind})")]
    public static partial void SupplierCallFailed(ILogger logger, string supplier, string organisation, string what, string kind);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Withheld a {ResourceType} from {Supplier} at {Organisation}: {Reason}")]
    public static partial void ResourceWithheld(ILogger logger, string resourceType, string supplier, string organisation, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Did not call {Supplier} at {Organisation} for {ResourceType}: {Reason}")]
    public static partial void SharingRefused(ILogger logger, string supplier, string organisation, string resourceType, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Supplier {Supplier} at {Organisation}: {What} ran out of time after {ElapsedMilliseconds} ms while the facade was overloaded (thread-pool wait {PoolWaitMilliseconds} ms, CPU wait of its threads {CpuWaitMilliseconds} ms)")]
    public static partial void SupplierCallStarved(ILogger logger, string supplier, string organisation, string what, double poolWaitMilliseconds, double cpuWaitMilliseconds, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Supplier {Supplier} at {Organisation} was listed as a holder but has no record for the patient ({ResourceType} search); location forgotten")]
    public static partial void HolderHasNoRecord(ILogger logger, string supplier, string organisation, string resourceType);
}
