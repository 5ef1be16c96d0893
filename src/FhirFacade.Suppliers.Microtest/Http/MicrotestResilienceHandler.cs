using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace FhirFacade.Suppliers.Microtest.Http;

/// <summary>
/// Per-attempt timeout and a bounded retry (connection failures and 5xx answers) for the Evolution
/// HttpClient, with Polly.Core. The gateway's per-supplier timeout still bounds the whole call.
/// </summary>
internal sealed class MicrotestResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public MicrotestResilienceHandler(IOptions<MicrotestOptions> options, TimeProvider timeProvider)
    {
        var settings = options.Value;
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
