using System.Runtime.InteropServices;
using System.Text;
using FhirFacade.Server.Http;
using Microsoft.AspNetCore.Http;

namespace FhirFacade.Server.Tests.Http;

/// <summary>The audit's hold on an answer: a whole serialized answer is kept as given and released from that array, not a copy.</summary>
[Trait("Category", "Unit")]
public sealed class HeldResponseBodyTests
{
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes("{\"resourceType\":\"Bundle\"}");

    [Fact]
    public async Task ReleaseAsync_WholeAnswerHeld_WritesTheHeldArrayItself()
    {
        await using var held = new HeldResponseBody();
        var destination = new RecordingStream();

        held.TryHold(Answer).Should().BeTrue();
        await held.ReleaseAsync(destination, CancellationToken.None);

        held.Length.Should().Be(Answer.Length);
        destination.Arrays.Should().ContainSingle().Which.Should().BeSameAs(Answer, "the answer is held once: the array the serializer made is the one released");
        destination.ToArray().Should().Equal(Answer);
    }

    [Fact]
    public async Task Clear_AfterAWholeAnswerWasHeld_ReleasesNothing()
    {
        await using var held = new HeldResponseBody();
        var context = new DefaultHttpContext();
        context.Response.Body = held;
        held.TryHold(Answer);

        context.Response.Clear();
        var destination = new RecordingStream();
        await held.ReleaseAsync(destination, CancellationToken.None);

        held.Length.Should().Be(0);
        destination.ToArray().Should().BeEmpty("an answer cleared on the way to an error answer is never released");
    }

    [Fact]
    public async Task WriteAsync_AfterAndBeforeAWholeAnswer_KeepsEveryByteInOrder()
    {
        await using var afterHold = new HeldResponseBody();
        afterHold.TryHold(Answer);
        await afterHold.WriteAsync(Encoding.UTF8.GetBytes("tail"));
        await using var beforeHold = new HeldResponseBody();
        await beforeHold.WriteAsync(Encoding.UTF8.GetBytes("head"));

        var refused = beforeHold.TryHold(Answer);
        var afterDestination = new RecordingStream();
        var beforeDestination = new RecordingStream();
        await afterHold.ReleaseAsync(afterDestination, CancellationToken.None);
        await beforeHold.ReleaseAsync(beforeDestination, CancellationToken.None);

        Encoding.UTF8.GetString(afterDestination.ToArray()).Should().Be("{\"resourceType\":\"Bundle\"}tail");
        refused.Should().BeFalse("something was written already");
        Encoding.UTF8.GetString(beforeDestination.ToArray()).Should().Be("head");
    }

    [Fact]
    public async Task WriteAsync_CancelledRequest_IsCancelledAndHoldsNothing()
    {
        await using var held = new HeldResponseBody();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var write = async () => await held.WriteAsync(Answer, cancelled.Token);

        await write.Should().ThrowAsync<OperationCanceledException>();
        held.Length.Should().Be(0);
    }

    // Records the arrays it is given, to tell the held array from a copy of it.
    private sealed class RecordingStream : MemoryStream
    {
        public List<byte[]> Arrays { get; } = [];

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (MemoryMarshal.TryGetArray(buffer, out var segment) && segment.Array is not null)
            {
                Arrays.Add(segment.Array);
            }

            return base.WriteAsync(buffer, cancellationToken);
        }
    }
}
