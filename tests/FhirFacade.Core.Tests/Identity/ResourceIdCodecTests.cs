using System.Text.RegularExpressions;
using FhirFacade.Core.Identity;

namespace FhirFacade.Core.Tests.Identity;

[Trait("Category", "Unit")]
public sealed partial class ResourceIdCodecTests
{
    public static TheoryData<FacadeResourceId> Ids => new()
    {
        new FacadeResourceId("emis", "A81001", "3f2504e0-4f89-41d3-9a0c-0305e82c3301"),
        new FacadeResourceId("emis", "A81001", "PAT-9000000009"),
        new FacadeResourceId("tpp", "B82005", "123456789"),
        new FacadeResourceId("microtest", "Y01234", "med:issue/42_x"),
        new FacadeResourceId("vision", "C83001", "é"),
        new FacadeResourceId("emis", "A81002", "9990000018/3f2504e0-4f89-41d3-9a0c-0305e82c3301"),
        new FacadeResourceId("emis", "A81002", "0042/3f2504e0-4f89-41d3-9a0c-0305e82c3301"),
        new FacadeResourceId("emis", "A81002", "42/not-a-guid"),
        new FacadeResourceId("emis", "A81002", "9990000018/3F2504E0-4F89-41D3-9A0C-0305E82C3301"),
        new FacadeResourceId("emis", "A81002", "3F2504E0-4F89-41D3-9A0C-0305E82C3301"),
    };

    public static TheoryData<string> Garbage => new()
    {
        "",
        "x",
        "abc",
        "not-an-id",
        "AAAAAAAAAAAAAAAAAAAAAAAA",
        new string('A', 65),
        "a_b",
        "a+b/c",
        "....",
    };

    [Theory]
    [MemberData(nameof(Ids))]
    public void Encode_ThenDecode_RoundTrips(FacadeResourceId id)
    {
        var encoded = ResourceIdCodec.Encode(id);
        var decoded = ResourceIdCodec.TryDecode(encoded, out var result);

        decoded.Should().BeTrue();
        result.Should().Be(id);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Encode_Always_IsAValidFhirId(FacadeResourceId id)
    {
        var encoded = ResourceIdCodec.Encode(id);

        FhirId().IsMatch(encoded).Should().BeTrue(encoded);
    }

    [Theory]
    [MemberData(nameof(Garbage))]
    public void TryDecode_WhenGarbage_ReturnsFalse(string text)
    {
        var decoded = ResourceIdCodec.TryDecode(text, out var id);

        decoded.Should().BeFalse();
        id.Should().BeNull();
    }

    [Fact]
    public void TryDecode_WhenOneCharacterChanged_ReturnsFalse()
    {
        var encoded = ResourceIdCodec.Encode(new FacadeResourceId("emis", "A81001", "3f2504e0-4f89-41d3-9a0c-0305e82c3301"));
        var failures = 0;

        for (var i = 0; i < encoded.Length; i++)
        {
            var replacement = encoded[i] == 'A' ? 'B' : 'A';
            var tampered = string.Concat(encoded.AsSpan(0, i), replacement.ToString(), encoded.AsSpan(i + 1));
            if (!ResourceIdCodec.TryDecode(tampered, out _))
            {
                failures++;
            }
        }

        failures.Should().Be(encoded.Length);
    }

    [Fact]
    public void TryEncode_WhenNativeIdTooLong_ReturnsFalse()
    {
        var encoded = ResourceIdCodec.TryEncode(new FacadeResourceId("emis", "A81001", new string('x', 60)), out var text);

        encoded.Should().BeFalse();
        text.Should().BeNull();
    }

    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$")]
    private static partial Regex FhirId();
}
