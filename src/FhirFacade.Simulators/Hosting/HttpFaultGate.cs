using Microsoft.AspNetCore.Http;
using FhirFacade.Simulators.Faults;

namespace FhirFacade.Simulators.Hosting;

/// <summary>Applies the request-side faults (latency, hang, error status) and the payload faults to HTTP answers.</summary>
internal static class HttpFaultGate
{
    /// <summary>
    /// Waits for latency, hangs, or returns an error answer. Returns null when the request should be
    /// served normally.
    /// </summary>
    public static async Task<IResult?> BeforeAsync(
        AppliedFaults faults,
        HttpContext context,
        HttpSimulatorHost host,
        Func<int, IResult> errorAnswer)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, host.SessionToken);
        try
        {
            if (faults.LatencyMs > 0)
            {
                await Task.Delay(faults.LatencyMs, linked.Token);
            }

            if (faults.Hang)
            {
                await Task.Delay(host.MaxHang, linked.Token);
                context.Abort();
                return Results.Empty;
            }
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return Results.Empty;
        }

        return faults.ErrorStatus is { } status ? errorAnswer(status) : null;
    }

    /// <summary>The answer body, truncated when the malformed-payload fault applies.</summary>
    public static IResult Document(AppliedFaults faults, string body, string contentType, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(faults.Malformed ? PayloadCorruptor.Truncate(body) : body, contentType, System.Text.Encoding.UTF8, statusCode);
}
