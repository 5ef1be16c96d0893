using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace FhirFacade.Server.Http;

/// <summary>
/// Response compression for FHIR answers: brotli or gzip as the request's <c>Accept-Encoding</c> prefers
/// (brotli on a tie), for the FHIR media types as well as ASP.NET Core's defaults, over HTTPS too (the answers
/// reflect no secret beside attacker-chosen text, the condition for BREACH-style attacks: bearer tokens are request
/// headers, never echoed). The fastest level: the CPU is on the request's path and a FHIR Bundle compresses well
/// even so. In the pipeline it wraps the audit middleware, which buffers the answer until the record commits, so
/// what is compressed is exactly what is released, and a refused or failed-closed answer is compressed the same way.
/// </summary>
public static class FhirResponseCompression
{
    /// <summary>The media types compressed: ASP.NET Core's defaults plus FHIR JSON and XML.</summary>
    public static readonly IReadOnlyList<string> MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, FhirMediaTypes.Json, FhirMediaTypes.Xml];

    /// <summary>Registers the brotli and gzip providers for <see cref="MimeTypes"/>.</summary>
    public static IServiceCollection AddFhirResponseCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = MimeTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }
}
