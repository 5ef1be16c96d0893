using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Http;

/// <summary>Refuses to start with an allowed origin that is not one (a path, a wildcard, <c>null</c>, another scheme).</summary>
internal sealed class CrossOriginOptionsValidator : IValidateOptions<CrossOriginOptions>
{
    public ValidateOptionsResult Validate(string? name, CrossOriginOptions options)
    {
        var bad = options.AllowedOrigins.Where(o => !CrossOriginPolicy.TryNormalize(o.TrimEnd('/'), out _)).ToList();
        return bad.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(bad.Select(o => $"{CrossOriginOptions.SectionName}:AllowedOrigins: '{o}' is not an origin (scheme://host[:port], http or https, no path and no wildcard)."));
    }
}
