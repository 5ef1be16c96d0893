using Microsoft.Extensions.Logging;

namespace FhirFacade.Suppliers.Vision;

/// <summary>The Vision adapter's log messages (never patient data or message content).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Vision connection to {Endpoint} was closed while idle; the query is sent again on a fresh connection")]
    public static partial void RetryingOnFreshConnection(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Vision at {OdsCode} answered {Acknowledgement} with error {ErrorCode}")]
    public static partial void NegativeAcknowledgement(ILogger logger, string odsCode, string acknowledgement, string errorCode);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Vision at {OdsCode} sent an unreadable answer: {Reason}")]
    public static partial void MalformedAnswer(ILogger logger, string odsCode, string reason);
}
