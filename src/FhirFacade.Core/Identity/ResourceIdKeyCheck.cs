using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FhirFacade.Core.Identity;

/// <summary>
/// Makes the resource id codec at start-up and warns when no key is configured: then every id dies with
/// the process, and two instances do not understand each other's ids.
/// </summary>
internal sealed partial class ResourceIdKeyCheck(ResourceIdCodec codec, ILogger<ResourceIdKeyCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (codec.IsKeyRandom)
        {
            LogRandomKey(logger, ResourceIdOptions.SectionName);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "{Section}:SigningKey is not set: resource ids are signed with a random key for this process only; they stop working at restart and are not understood by other instances. Set the same base64 key (32+ bytes) on every instance.")]
    private static partial void LogRandomKey(ILogger logger, string section);
}
