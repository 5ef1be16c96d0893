using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FhirFacade.Core.Identity;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Tests.Identity;

[Trait("Category", "Unit")]
public sealed partial class ResourceIdCodecTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("resource-id codec tests, key one");
    private static readonly byte[] OtherKey = Encoding.ASCII.GetBytes("resource-id codec tests, key two");

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
        new FacadeResourceId("microtest", "L83100", "9990000050/3f2504e0-4f89-41d3-9a0c-0305e82c3301"),
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
        var sut = CreateSut();

        var encoded = sut.Encode("Condition", id);
        var decoded = sut.TryDecode("Condition", encoded, out var result);

        decoded.Should().BeTrue();
        result.Should().Be(id);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Encode_Always_IsAValidFhirId(FacadeResourceId id)
    {
        var encoded = CreateSut().Encode("MedicationStatement", id);

        FhirId().IsMatch(encoded).Should().BeTrue(encoded);
    }

    [Theory]
    [MemberData(nameof(Garbage))]
    public void TryDecode_WhenGarbage_ReturnsFalse(string text)
    {
        var decoded = CreateSut().TryDecode("Patient", text, out var id);

        decoded.Should().BeFalse();
        id.Should().BeNull();
    }

    [Fact]
    public void TryDecode_WhenOneCharacterChanged_ReturnsFalse()
    {
        var sut = CreateSut();
        var encoded = sut.Encode("Condition", new FacadeResourceId("emis", "A81001", "3f2504e0-4f89-41d3-9a0c-0305e82c3301"));
        var failures = 0;

        for (var i = 0; i < encoded.Length; i++)
        {
            var replacement = encoded[i] == 'A' ? 'B' : 'A';
            var tampered = string.Concat(encoded.AsSpan(0, i), replacement.ToString(), encoded.AsSpan(i + 1));
            if (!sut.TryDecode("Condition", tampered, out _))
            {
                failures++;
            }
        }

        failures.Should().Be(encoded.Length);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void TryDecode_IdIssuedUnderAnotherKey_ReturnsFalse(FacadeResourceId id)
    {
        var issued = new ResourceIdCodec(OtherKey).Encode("Patient", id);

        var decoded = CreateSut().TryDecode("Patient", issued, out var result);

        decoded.Should().BeFalse("an id is only valid under the key that signed it (a rotated key makes old ids unknown)");
        result.Should().BeNull();
    }

    [Theory]
    [InlineData("Condition", "MedicationStatement")]
    [InlineData("MedicationStatement", "Medication")]
    [InlineData("Patient", "Practitioner")]
    [InlineData("Organization", "Patient")]
    public void TryDecode_IdOfAnotherResourceType_ReturnsFalse(string issuedFor, string readAs)
    {
        var sut = CreateSut();
        var issued = sut.Encode(issuedFor, new FacadeResourceId("emis", "A81001", "9990000018/3f2504e0-4f89-41d3-9a0c-0305e82c3301"));

        var decoded = sut.TryDecode(readAs, issued, out _);

        decoded.Should().BeFalse($"a {issuedFor} id is not a {readAs} id");
        sut.TryDecode(issuedFor, issued, out _).Should().BeTrue();
    }

    [Fact]
    public void TryDecode_IdMintedWithThePublishedLayoutButNoKey_ReturnsFalse()
    {
        // What anyone could do with the previous, unkeyed format: write the layout and a plain SHA-256 checksum.
        var body = new byte[] { 0x20, 0x46 }.Concat(Encoding.UTF8.GetBytes("emisA81001")).Concat(Encoding.UTF8.GetBytes("9990000069")).ToArray();
        var forged = body.Concat(SHA256.HashData(Encoding.ASCII.GetBytes("Patient").Append((byte)0).Concat(body).ToArray())[..ResourceIdCodec.TagLength]).ToArray();
        var text = Convert.ToBase64String(forged).TrimEnd('=').Replace('+', '-').Replace('/', '.');

        var decoded = CreateSut().TryDecode("Patient", text, out _);

        decoded.Should().BeFalse();
    }

    [Fact]
    public void Encode_SameIdUnderTwoKeys_GivesDifferentIds()
    {
        var id = new FacadeResourceId("tpp", "B82005", "9990000026");

        var one = CreateSut().Encode("Patient", id);
        var other = new ResourceIdCodec(OtherKey).Encode("Patient", id);

        one.Should().NotBe(other);
    }

    [Fact]
    public void TryEncode_WhenNativeIdTooLong_ReturnsFalse()
    {
        var encoded = CreateSut().TryEncode("Condition", new FacadeResourceId("emis", "A81001", new string('x', 60)), out var text);

        encoded.Should().BeFalse();
        text.Should().BeNull();
    }

    [Theory]
    [InlineData("a-supplier-name-of-16", "A81001")]
    [InlineData("emis", "AN-ODS-CODE-OF-16")]
    [InlineData("", "A81001")]
    [InlineData("emis", "")]
    public void TryEncode_WhenSupplierOrOrganisationOutOfRange_ReturnsFalse(string supplier, string organisation)
    {
        var encoded = CreateSut().TryEncode("Condition", new FacadeResourceId(supplier, organisation, "x"), out var text);

        encoded.Should().BeFalse();
        text.Should().BeNull();
    }

    [Fact]
    public void Constructor_ConfiguredKey_IsUsedAndIsNotRandom()
    {
        var sut = new ResourceIdCodec(Options.Create(new ResourceIdOptions { SigningKey = Convert.ToBase64String(Key) }));
        var id = new FacadeResourceId("emis", "A81001", "9990000018");

        var encoded = sut.Encode("Patient", id);

        sut.IsKeyRandom.Should().BeFalse();
        CreateSut().TryDecode("Patient", encoded, out var decoded).Should().BeTrue("a second instance with the same key understands the id");
        decoded.Should().Be(id);
    }

    [Fact]
    public void Constructor_NoKeyConfigured_MakesARandomOneForThisProcess()
    {
        var one = new ResourceIdCodec(Options.Create(new ResourceIdOptions()));
        var other = new ResourceIdCodec(Options.Create(new ResourceIdOptions()));
        var id = new FacadeResourceId("emis", "A81001", "9990000018");

        var encoded = one.Encode("Patient", id);

        one.IsKeyRandom.Should().BeTrue();
        one.TryDecode("Patient", encoded, out _).Should().BeTrue();
        other.TryDecode("Patient", encoded, out _).Should().BeFalse("two instances without a configured key do not share ids");
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void Validate_UnusableConfiguredKey_Fails(string key)
    {
        var result = new ResourceIdOptionsValidator().Validate(null, new ResourceIdOptions { SigningKey = key });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Facade:Ids:SigningKey");
    }

    private static ResourceIdCodec CreateSut() => new(Key);

    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$")]
    private static partial Regex FhirId();
}
