using System.Text;
using FhirFacade.Simulators.Vision;

namespace FhirFacade.Simulators.Tests.Vision;

[Trait("Category", "Unit")]
public sealed class MllpFramingTests
{
    [Fact]
    public void Frame_Message_WrapsInStartAndEndBlocks()
    {
        var framed = MllpFraming.Frame("MSH|x\r");

        framed[0].Should().Be(0x0B);
        framed[^2].Should().Be(0x1C);
        framed[^1].Should().Be(0x0D);
        Encoding.UTF8.GetString(framed, 1, framed.Length - 3).Should().Be("MSH|x\r");
    }

    [Fact]
    public async Task ReadAsync_TwoFramesWithNoiseBetween_ReturnsEachMessage()
    {
        var bytes = new[] { (byte)'x' }.Concat(MllpFraming.Frame("A\r")).Concat(MllpFraming.Frame("B\u001Cz\r")).ToArray();
        using var stream = new MemoryStream(bytes);

        var first = await MllpFraming.ReadAsync(stream, TestTimeout.Token());
        var second = await MllpFraming.ReadAsync(stream, TestTimeout.Token());
        var end = await MllpFraming.ReadAsync(stream, TestTimeout.Token());

        first.Should().Be("A\r");
        second.Should().Be("B\u001Cz\r");
        end.Should().BeNull();
    }
}
