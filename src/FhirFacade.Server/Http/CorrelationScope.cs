using System.Collections;

namespace FhirFacade.Server.Http;

/// <summary>
/// The logging scope of one request: a single <c>CorrelationId</c> property, so that the JSON console
/// formatter writes it as a field of every line (<c>Scopes[].CorrelationId</c>) and the simple one as
/// <c>=&gt; CorrelationId:…</c> (with <c>IncludeScopes</c>, docs/operations.md "Logs").
/// </summary>
internal sealed class CorrelationScope(string correlationId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string PropertyName = "CorrelationId";

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(PropertyName, correlationId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => PropertyName + ":" + correlationId;
}
