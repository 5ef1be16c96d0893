using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FhirFacade.Core.Suppliers.Http;

/// <summary>
/// Per-attempt timeout and a bounded retry (connection failures and 5xx answers) for a supplier's
/// HttpClient, with Polly.Core. The gateway's per-supplier timeout still bounds the whole call.
/// </summary>
public sealed class SupplierResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public SupplierResilienceHandler(ISupplierResilienceSettings settings, TimeProvider timeProvider)
    {
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(settings.MaxRetries, 1),
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Constant,
                ShouldHandle = args => ValueTask.FromResult(settings.MaxRetries > 0 && IsTransient(args.Outcome)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(async (message, ct) => await base.SendAsync(message, ct), request, cancellationToken);

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException
        || outcome.Result?.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
