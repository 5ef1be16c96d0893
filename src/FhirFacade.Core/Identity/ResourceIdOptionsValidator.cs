using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Identity;

/// <summary>Refuses to start with a resource id key that is set but not usable (not base64, or under 32 bytes).</summary>
internal sealed class ResourceIdOptionsValidator : IValidateOptions<ResourceIdOptions>
{
    public ValidateOptionsResult Validate(string? name, ResourceIdOptions options) =>
        string.IsNullOrEmpty(options.SigningKey) || ResourceIdOptions.TryReadKey(options.SigningKey, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ResourceIdOptions.SectionName}:SigningKey must be base64 of at least {ResourceIdCodec.MinimumKeyBytes} random bytes, the same on every instance.");
}
