using FhirFacade.Core.Paging;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Tests.Paging;

[Trait("Category", "Unit")]
public sealed class PageTokenCodecTests
{
    private static readonly string _key = Convert.ToBase64String(new byte[32]);

    [Fact]
    public void Encode_ThenDecode_RoundTrips()
    {
        var sut = CreateSut(_key);
        var token = new PageToken("MedicationStatement", "patient.identifier=a%7Cb&status=active", 10, 20);

        var decoded = sut.TryDecode(sut.Encode(token), out var result);

        decoded.Should().BeTrue();
        result.Should().Be(token);
    }

    [Fact]
    public void TryDecode_WhenAnyCharacterChanged_ReturnsFalse()
    {
        var sut = CreateSut(_key);
        var encoded = sut.Encode(new PageToken("Patient", "identifier=x", 1, 1));
        var accepted = 0;

        for (var i = 0; i < encoded.Length; i++)
        {
            var replacement = encoded[i] == 'A' ? 'B' : 'A';
            var tampered = string.Concat(encoded.AsSpan(0, i), replacement.ToString(), encoded.AsSpan(i + 1));
            if (sut.TryDecode(tampered, out _))
            {
                accepted++;
            }
        }

        accepted.Should().Be(0);
    }

    [Fact]
    public void TryDecode_WhenSignedWithAnotherKey_ReturnsFalse()
    {
        var encoded = CreateSut(_key).Encode(new PageToken("Patient", "identifier=x", 1, 1));

        var decoded = CreateSut(null).TryDecode(encoded, out _);

        decoded.Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData(".")]
    [InlineData("a.b")]
    [InlineData("!!.!!")]
    public void TryDecode_WhenGarbage_ReturnsFalse(string text)
    {
        var decoded = CreateSut(_key).TryDecode(text, out _);

        decoded.Should().BeFalse();
    }

    [Fact]
    public void Constructor_WhenKeyTooShort_Throws()
    {
        var act = () => CreateSut(Convert.ToBase64String(new byte[8]));

        act.Should().Throw<InvalidOperationException>();
    }

    private static PageTokenCodec CreateSut(string? key) => new(Options.Create(new PagingOptions { SigningKey = key }));
}
