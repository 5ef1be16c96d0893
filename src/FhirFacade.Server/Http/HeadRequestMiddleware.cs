namespace FhirFacade.Server.Http;

/// <summary>
/// A <c>HEAD</c> is answered by the endpoint that answers its <c>GET</c> (each FHIR GET route accepts both),
/// so it gets the same authorization decision, status, headers and audit record; this middleware only keeps
/// the body from the wire (<see href="https://www.rfc-editor.org/rfc/rfc9110#section-9.3.2"/>). It sits
/// outside the response compression, so a HEAD carries the <c>Content-Encoding</c> and <c>Vary</c> its GET
/// would, and it does not rely on the server to drop the body (Kestrel does; the in-memory test server does not).
/// </summary>
internal sealed class HeadRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
    }
}
