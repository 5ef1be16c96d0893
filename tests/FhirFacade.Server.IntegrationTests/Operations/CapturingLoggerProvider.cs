using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FhirFacade.Server.IntegrationTests.Operations;

/// <summary>
/// Keeps everything logged through it — category, level, the formatted message, every structured
/// value, the exception as text, every scope around it, and the request being served when it was
/// logged (the <see cref="HttpContextAccessor"/>'s async-local context) — for a test to scan.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private static readonly HttpContextAccessor CurrentRequest = new();

    private readonly ConcurrentQueue<CapturedLog> _logs = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Logs => [.. _logs];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new List<string>();
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
            {
                values.AddRange(properties.Select(p => p.Key + "=" + p.Value));
            }

            var scopes = new Dictionary<string, string>(StringComparer.Ordinal);
            var scopeTexts = new List<string>();
            provider._scopes.ForEachScope(
                (scope, _) =>
                {
                    scopeTexts.Add(scope?.ToString() ?? string.Empty);
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var pair in pairs)
                        {
                            scopes[pair.Key] = pair.Value?.ToString() ?? string.Empty;
                        }
                    }
                },
                (object?)null);
            var request = CurrentRequest.HttpContext?.TraceIdentifier;
            provider._logs.Enqueue(new CapturedLog(category, logLevel, eventId.Id, formatter(state, exception), values, exception?.ToString(), scopes, scopeTexts, request));
        }
    }
}

/// <summary>One captured log entry.</summary>
internal sealed record CapturedLog(
    string Category,
    LogLevel Level,
    int EventId,
    string Message,
    IReadOnlyList<string> Values,
    string? Exception,
    IReadOnlyDictionary<string, string> Scopes,
    IReadOnlyList<string> ScopeTexts,
    string? RequestTraceIdentifier)
{
    /// <summary>Everything this entry would put in a log line, as one text to scan.</summary>
    public string AllText => string.Join('\n', new[] { Category, Message, Exception ?? string.Empty }.Concat(Values).Concat(ScopeTexts).Concat(Scopes.Values));
}
