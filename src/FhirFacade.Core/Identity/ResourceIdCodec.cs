using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Identity;

/// <summary>
/// Encodes a <see cref="FacadeResourceId"/> as an opaque FHIR id (<c>[A-Za-z0-9\-\.]{1,64}</c>,
/// <see href="https://hl7.org/fhir/R4/datatypes.html#id"/>) so that a read routes to the right supplier
/// and organisation with no lookup table and no storage — and so that nobody but the facade can make one:
/// each id carries an HMAC-SHA256 tag under the configured key (<see cref="ResourceIdOptions"/>) over the
/// resource type and the id's bytes. An id the facade did not issue, an edited one, one issued under another
/// key, or one of another resource type (a Condition id read as a MedicationStatement) does not decode, so
/// it is answered 404 and never sent to a supplier.
/// </summary>
/// <remarks>
/// Layout before encoding (version 2): one byte with the version in the high nibble and the flags in the low
/// one (1: the native id is a GUID stored as 16 bytes; 2: it is <c>{digits}/{GUID}</c>, such as an NHS number
/// and an event id, stored as a digit count, an 8-byte number and 16 bytes; 4: the GUID was written in upper
/// case); one byte with the supplier's and the organisation's lengths (1–15 bytes each, a nibble each); the
/// supplier, the organisation and the native id; then the first <see cref="TagLength"/> bytes of
/// HMAC-SHA256(key, resource type, 0, the bytes before the tag). The bytes are written in base64 with the
/// FHIR-id-safe alphabet <c>A-Z a-z 0-9 - .</c> (base64url's <c>_</c> is not allowed in a FHIR id) and no padding.
/// Encoding allocates only the id string; each thread keeps one keyed HMAC. Thread-safe.
/// </remarks>
public sealed class ResourceIdCodec : IDisposable
{
    /// <summary>The longest FHIR id.</summary>
    public const int MaxLength = 64;

    /// <summary>The bytes of the HMAC tag kept in each id (48 bits).</summary>
    public const int TagLength = 6;

    /// <summary>The shortest key accepted, in bytes.</summary>
    public const int MinimumKeyBytes = 32;

    private const int Version = 2;
    private const byte GuidFlag = 1;
    private const byte NumberGuidFlag = 2;
    private const byte UpperCaseFlag = 4;
    private const int HeaderLength = 2;
    private const int NumberGuidLength = 1 + 8 + 16;
    private const int MaxPartLength = 15;
    private const int MaxBytes = MaxLength / 4 * 3;
    private const int MaxTypeLength = 64;
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");
    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private readonly byte[] _key;

    // One keyed HMAC per thread, reset after each tag: creating one per call (or the one-shot HashData) sets the
    // key up in the crypto library every time, which made each id several times dearer.
    private readonly ThreadLocal<IncrementalHash> _hmac;

    /// <summary>A codec with the configured key, or a random one for this process when none is configured.</summary>
    public ResourceIdCodec(IOptions<ResourceIdOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.Value.SigningKey))
        {
            _key = RandomNumberGenerator.GetBytes(MinimumKeyBytes);
            IsKeyRandom = true;
        }
        else
        {
            _key = ResourceIdOptions.TryReadKey(options.Value.SigningKey, out var key)
                ? key
                : throw new InvalidOperationException($"{ResourceIdOptions.SectionName}:SigningKey must be base64 of at least {MinimumKeyBytes} bytes.");
        }

        _hmac = new ThreadLocal<IncrementalHash>(CreateHmac, trackAllValues: true);
    }

    /// <summary>A codec with the given key (at least <see cref="MinimumKeyBytes"/> bytes).</summary>
    public ResourceIdCodec(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        _key = key.ToArray();
        _hmac = new ThreadLocal<IncrementalHash>(CreateHmac, trackAllValues: true);
    }

    /// <summary><see langword="true"/> when no key was configured: ids then die with the process and differ between instances.</summary>
    public bool IsKeyRandom { get; }

    /// <summary>Encodes the id of a <paramref name="resourceType"/>. Throws when the parts cannot fit in 64 characters (an adapter bug, not bad data).</summary>
    public string Encode(string resourceType, FacadeResourceId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TryEncode(resourceType, id, out var encoded)
            ? encoded
            : throw new ArgumentException($"The {resourceType} id for supplier '{id.Supplier}' does not fit in a FHIR id.", nameof(id));
    }

    /// <summary>Encodes the id of a <paramref name="resourceType"/>; <see langword="false"/> when its parts are empty or too long.</summary>
    public bool TryEncode(string resourceType, FacadeResourceId id, [NotNullWhen(true)] out string? encoded)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        ArgumentNullException.ThrowIfNull(id);
        encoded = null;
        if (!IsTypeName(resourceType))
        {
            return false;
        }

        var supplierLength = Encoding.UTF8.GetByteCount(id.Supplier);
        var organisationLength = Encoding.UTF8.GetByteCount(id.Organisation);
        if (supplierLength is 0 or > MaxPartLength || organisationLength is 0 or > MaxPartLength || id.NativeId.Length == 0)
        {
            return false;
        }

        var (flags, nativeLength) = NativeForm(id.NativeId);
        var length = HeaderLength + supplierLength + organisationLength + nativeLength + TagLength;
        if (length > MaxBytes)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[MaxBytes];
        buffer[0] = (byte)((Version << 4) | flags);
        buffer[1] = (byte)((supplierLength << 4) | organisationLength);
        var at = HeaderLength;
        at += Encoding.UTF8.GetBytes(id.Supplier, buffer[at..]);
        at += Encoding.UTF8.GetBytes(id.Organisation, buffer[at..]);
        WriteNative(id.NativeId, flags, buffer.Slice(at, nativeLength));
        at += nativeLength;
        WriteTag(resourceType, buffer[..at], buffer.Slice(at, TagLength));
        encoded = ToIdAlphabet(buffer[..length]);
        return true;
    }

    /// <summary>
    /// Decodes the id of a <paramref name="resourceType"/>; <see langword="false"/> for anything that is not an id
    /// this codec wrote for that type, unchanged, under this key.
    /// </summary>
    public bool TryDecode(string resourceType, [NotNullWhen(true)] string? text, [NotNullWhen(true)] out FacadeResourceId? id)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        id = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text.Length % 4 == 1 || !IsTypeName(resourceType))
        {
            return false;
        }

        Span<char> base64 = stackalloc char[MaxLength];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            base64[i] = c switch
            {
                '-' => '+',
                '.' => '/',
                _ when char.IsAsciiLetterOrDigit(c) => c,
                _ => '\0',
            };
            if (base64[i] == '\0')
            {
                return false;
            }
        }

        var padded = text.Length + ((4 - (text.Length % 4)) % 4);
        base64[text.Length..padded].Fill('=');
        Span<byte> bytes = stackalloc byte[MaxBytes];
        if (!Convert.TryFromBase64Chars(base64[..padded], bytes, out var length) || length < HeaderLength + 3 + TagLength)
        {
            return false;
        }

        // A non-canonical spelling (other trailing bits) would decode to the same bytes: refuse it too.
        Span<char> canonical = stackalloc char[MaxLength + 3];
        if (!TryWriteIdAlphabet(bytes[..length], canonical, out var written) || !canonical[..written].SequenceEqual(text))
        {
            return false;
        }

        var body = bytes[..(length - TagLength)];
        Span<byte> tag = stackalloc byte[TagLength];
        WriteTag(resourceType, body, tag);
        if (!CryptographicOperations.FixedTimeEquals(tag, bytes.Slice(length - TagLength, TagLength)))
        {
            return false;
        }

        var flags = (byte)(body[0] & 0x0F);
        int supplierLength = body[1] >> 4;
        int organisationLength = body[1] & 0x0F;
        var nativeStart = HeaderLength + supplierLength + organisationLength;
        if (body[0] >> 4 != Version || supplierLength == 0 || organisationLength == 0 || nativeStart >= body.Length
            || !TryReadNative(flags, body[nativeStart..], out var nativeId))
        {
            return false;
        }

        id = new FacadeResourceId(
            Encoding.UTF8.GetString(body.Slice(HeaderLength, supplierLength)),
            Encoding.UTF8.GetString(body.Slice(HeaderLength + supplierLength, organisationLength)),
            nativeId);
        return true;
    }

    private void WriteTag(string resourceType, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        // The type is part of what is signed, not of the id: the same native id is a different id for each type.
        Span<byte> input = stackalloc byte[MaxTypeLength + 1 + MaxBytes];
        var at = Encoding.ASCII.GetBytes(resourceType, input);
        input[at++] = 0;
        body.CopyTo(input[at..]);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var hmac = _hmac.Value!;
        hmac.AppendData(input[..(at + body.Length)]);
        hmac.GetHashAndReset(mac);
        mac[..TagLength].CopyTo(destination);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var hmac in _hmac.Values)
        {
            hmac.Dispose();
        }

        _hmac.Dispose();
    }

    private IncrementalHash CreateHmac() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);

    private static bool IsTypeName(string resourceType) =>
        resourceType.Length is > 0 and <= MaxTypeLength && char.IsAsciiLetterUpper(resourceType[0]) && !resourceType.AsSpan().ContainsAnyExcept(AsciiLetters);

    private static (byte Flags, int Length) NativeForm(string nativeId)
    {
        if (IsCanonicalGuid(nativeId, out _, out var upper))
        {
            return ((byte)(GuidFlag | upper), 16);
        }

        var slash = nativeId.IndexOf('/', StringComparison.Ordinal);
        if (slash is > 0 and <= 19
            && !nativeId.AsSpan(0, slash).ContainsAnyExcept(Digits)
            && ulong.TryParse(nativeId.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && IsCanonicalGuid(nativeId.AsSpan(slash + 1), out _, out var suffixUpper))
        {
            return ((byte)(NumberGuidFlag | suffixUpper), NumberGuidLength);
        }

        return (0, Encoding.UTF8.GetByteCount(nativeId));
    }

    private static void WriteNative(string nativeId, byte flags, Span<byte> destination)
    {
        switch (flags & ~UpperCaseFlag)
        {
            case GuidFlag:
                Guid.ParseExact(nativeId, "D").TryWriteBytes(destination, bigEndian: true, out _);
                break;
            case NumberGuidFlag:
                var slash = nativeId.IndexOf('/', StringComparison.Ordinal);
                destination[0] = (byte)slash;
                BinaryPrimitives.WriteUInt64BigEndian(destination[1..], ulong.Parse(nativeId.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture));
                Guid.ParseExact(nativeId.AsSpan(slash + 1), "D").TryWriteBytes(destination[9..], bigEndian: true, out _);
                break;
            default:
                Encoding.UTF8.GetBytes(nativeId, destination);
                break;
        }
    }

    private static bool TryReadNative(byte flags, ReadOnlySpan<byte> native, [NotNullWhen(true)] out string? nativeId)
    {
        nativeId = null;
        var upper = (flags & UpperCaseFlag) != 0;
        switch (flags & ~UpperCaseFlag)
        {
            case GuidFlag when native.Length == 16:
                nativeId = GuidText(new Guid(native, bigEndian: true), upper);
                return true;
            case NumberGuidFlag when native.Length == NumberGuidLength && native[0] is > 0 and <= 19:
                var number = BinaryPrimitives.ReadUInt64BigEndian(native[1..]).ToString(CultureInfo.InvariantCulture);
                if (number.Length > native[0])
                {
                    return false;
                }

                nativeId = number.PadLeft(native[0], '0') + "/" + GuidText(new Guid(native[9..], bigEndian: true), upper);
                return true;
            case 0 when !upper:
                nativeId = Encoding.UTF8.GetString(native);
                return true;
            default:
                return false;
        }
    }

    private static bool IsCanonicalGuid(ReadOnlySpan<char> text, out Guid guid, out byte upperCaseFlag)
    {
        upperCaseFlag = 0;
        if (text.Length != 36 || !Guid.TryParseExact(text, "D", out guid))
        {
            guid = default;
            return false;
        }

        Span<char> written = stackalloc char[36];
        guid.TryFormat(written, out _, "D");
        if (text.SequenceEqual(written))
        {
            return true;
        }

        for (var i = 0; i < written.Length; i++)
        {
            written[i] = char.ToUpperInvariant(written[i]);
        }

        upperCaseFlag = UpperCaseFlag;
        return text.SequenceEqual(written);
    }

    private static string GuidText(Guid guid, bool upper) => upper ? guid.ToString("D").ToUpperInvariant() : guid.ToString("D");

    private static string ToIdAlphabet(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[MaxLength + 3];
        TryWriteIdAlphabet(bytes, chars, out var written);
        return new string(chars[..written]);
    }

    private static bool TryWriteIdAlphabet(ReadOnlySpan<byte> bytes, Span<char> destination, out int written)
    {
        if (!Convert.TryToBase64Chars(bytes, destination, out written))
        {
            return false;
        }

        while (written > 0 && destination[written - 1] == '=')
        {
            written--;
        }

        destination[..written].Replace('+', '-');
        destination[..written].Replace('/', '.');
        return true;
    }
}
