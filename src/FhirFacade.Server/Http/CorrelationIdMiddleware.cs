namespace FhirFacade.Server.Http;

/// <summary>
/// Echoes a well-formed <c>X-Request-Id</c> or generates one, makes it the request's
/// <see cref="HttpContext.TraceIdentifier"/> (logs, audit, 500 answers) and returns it; also sets
/// <c>Cache-Control: no-store</c> on every answer (clinical data must not be cached); opens the logging
/// scope that puts the id on every line logged while the request runs (<see cref="CorrelationScope"/>).
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var supplied = context.Request.Headers[HeaderName].ToString();
        context.TraceIdentifier = IsWellFormed(supplied) ? supplied : Guid.NewGuid().ToString("D");
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = context.TraceIdentifier;
            context.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new CorrelationScope(context.TraceIdentifier)))
        {
            await next(context);
        }
    }

    // Only echo what cannot inject into headers or logs.
    private static bool IsWellFormed(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
