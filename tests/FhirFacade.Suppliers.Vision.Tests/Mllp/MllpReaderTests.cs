using System.Text;
using FhirFacade.Suppliers.Vision.Mllp;

namespace FhirFacade.Suppliers.Vision.Tests.Mllp;

[Trait("Category", "Unit")]
public sealed class MllpReaderTests
{
    private const string Message = "MSH|^~\\&|VISION\rMSA|AA|1\r";

    public static TheoryData<int> ChunkSizes => new() { 1, 2, 3, 7, 8192 };

    public static TheoryData<byte[], string> BrokenFrames => new()
    {
        { Bytes("garbage", Frame(Message)), nameof(MllpError.Garbage) },
        { Bytes(B(0x0B), "MSH", B(0x1C, (byte)'X')), nameof(MllpError.Garbage) },
        { Bytes(B(0x0B), "MSH", B(0x0B), "MSH", B(0x1C, 0x0D)), nameof(MllpError.Garbage) },
        { Bytes(B(0x0B), "MSH|^~\\&|VIS"), nameof(MllpError.Truncated) },
        { Bytes(B(0x0B), "MSH", B(0x1C)), nameof(MllpError.Truncated) },
    };

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task ReadAsync_FrameSplitOverReads_ReturnsTheWholeMessage(int chunk)
    {
        var stream = new ChunkedStream(Frame(Message), chunk);
        var sut = new MllpReader(stream, 1024);

        var message = await sut.ReadAsync(CancellationToken.None);

        Encoding.UTF8.GetString(message!).Should().Be(Message);
        sut.HasBufferedData.Should().BeFalse();
    }

    [Fact]
    public async Task ReadAsync_TwoFramesInOneRead_ReturnsThemInTurn()
    {
        var stream = new ChunkedStream(Bytes(Frame("first\r"), Frame("second\r")), 8192);
        var sut = new MllpReader(stream, 1024);

        var first = await sut.ReadAsync(CancellationToken.None);
        var buffered = sut.HasBufferedData;
        var second = await sut.ReadAsync(CancellationToken.None);
        var end = await sut.ReadAsync(CancellationToken.None);

        Encoding.UTF8.GetString(first!).Should().Be("first\r");
        buffered.Should().BeTrue();
        Encoding.UTF8.GetString(second!).Should().Be("second\r");
        end.Should().BeNull();
    }

    [Fact]
    public async Task ReadAsync_EndOfStreamBeforeAFrame_ReturnsNull()
    {
        var sut = new MllpReader(new ChunkedStream([], 1), 1024);

        var message = await sut.ReadAsync(CancellationToken.None);

        message.Should().BeNull();
    }

    [Fact]
    public async Task ReadAsync_MessageLongerThanTheMaximum_ThrowsOversize()
    {
        var sut = new MllpReader(new ChunkedStream(Frame(new string('x', 2000)), 100), 1024);

        var act = () => sut.ReadAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<MllpException>()).Which.Error.Should().Be(MllpError.Oversize);
    }

    [Fact]
    public async Task ReadAsync_MessageOfExactlyTheMaximum_IsRead()
    {
        var sut = new MllpReader(new ChunkedStream(Frame(new string('x', 1024)), 100), 1024);

        var message = await sut.ReadAsync(CancellationToken.None);

        message.Should().HaveCount(1024);
    }

    [Theory]
    [MemberData(nameof(BrokenFrames))]
    public async Task ReadAsync_BrokenEnvelope_ThrowsWithTheReason(byte[] bytes, string error)
    {
        var sut = new MllpReader(new ChunkedStream(bytes, 3), 1024);

        var act = () => sut.ReadAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<MllpException>()).Which.Error.ToString().Should().Be(error);
    }

    [Fact]
    public void Frame_Message_WrapsInStartAndEndBlocks()
    {
        var framed = MllpFraming.Frame("AB"u8);

        framed.Should().Equal(0x0B, (byte)'A', (byte)'B', 0x1C, 0x0D);
    }

    private static byte[] B(params byte[] bytes) => bytes;

    private static byte[] Frame(string message) => MllpFraming.Frame(Encoding.UTF8.GetBytes(message));

    private static byte[] Bytes(params object[] parts) =>
        [.. parts.SelectMany(p => p switch
        {
            string s => Encoding.UTF8.GetBytes(s),
            byte[] b => b,
            _ => throw new ArgumentException("bytes or text", nameof(parts)),
        })];
}
