using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FhirFacade.Core.Identity;

/// <summary>
/// Encodes a <see cref="FacadeResourceId"/> as an opaque FHIR id (<c>[A-Za-z0-9\-\.]{1,64}</c>,
/// <see href="https://hl7.org/fhir/R4/datatypes.html#id"/>) so that a read routes to the right supplier
/// and organisation with no lookup table and no storage.
/// </summary>
/// <remarks>
/// Layout before encoding: version byte, flags (1: the native id is a GUID stored as 16 bytes;
/// 2: it is <c>{digits}/{GUID}</c>, such as an NHS number and an event id, stored as a digit count,
/// an 8-byte number and 16 bytes; 4: the GUID was written in upper case),
/// length-prefixed supplier and organisation, the native id, then a 3-byte SHA-256 checksum so that
/// garbage and edited ids are rejected (and answered with 404) rather than sent to a supplier.
/// The bytes are written in base64 with the FHIR-id-safe alphabet <c>A-Z a-z 0-9 - .</c>
/// (base64url's <c>_</c> is not allowed in a FHIR id) and no padding.
/// </remarks>
public static class ResourceIdCodec
{
    /// <summary>The longest FHIR id.</summary>
    public const int MaxLength = 64;

    private const byte Version = 1;
    private const byte GuidFlag = 1;
    private const byte NumberGuidFlag = 2;
    private const byte UpperCaseFlag = 4;
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");
    private const int NumberGuidLength = 1 + 8 + 16;
    private const int ChecksumLength = 3;
    private const int MaxBytes = MaxLength / 4 * 3;

    /// <summary>Encodes an id. Throws when the parts cannot fit in 64 characters (an adapter bug, not bad data).</summary>
    public static string Encode(FacadeResourceId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TryEncode(id, out var encoded)
            ? encoded
            : throw new ArgumentException($"The resource id for supplier '{id.Supplier}' does not fit in a FHIR id.", nameof(id));
    }

    /// <summary>Encodes an id; <see langword="false"/> when its parts are empty or too long.</summary>
    public static bool TryEncode(FacadeResourceId id, [NotNullWhen(true)] out string? encoded)
    {
        ArgumentNullException.ThrowIfNull(id);
        encoded = null;
        var supplier = Encoding.UTF8.GetBytes(id.Supplier);
        var organisation = Encoding.UTF8.GetBytes(id.Organisation);
        var (flags, native) = EncodeNative(id.NativeId);
        if (supplier.Length is 0 or > byte.MaxValue || organisation.Length is 0 or > byte.MaxValue || native.Length == 0)
        {
            return false;
        }

        var length = 4 + supplier.Length + organisation.Length + native.Length + ChecksumLength;
        if (length > MaxBytes)
        {
            return false;
        }

        var buffer = new byte[length];
        buffer[0] = Version;
        buffer[1] = flags;
        buffer[2] = (byte)supplier.Length;
        supplier.CopyTo(buffer, 3);
        var at = 3 + supplier.Length;
        buffer[at++] = (byte)organisation.Length;
        organisation.CopyTo(buffer, at);
        at += organisation.Length;
        native.CopyTo(buffer, at);
        at += native.Length;
        WriteChecksum(buffer.AsSpan(0, at), buffer.AsSpan(at));
        encoded = ToIdAlphabet(buffer);
        return true;
    }

    /// <summary>Decodes an id; <see langword="false"/> for anything that is not an id this codec wrote, unchanged.</summary>
    public static bool TryDecode([NotNullWhen(true)] string? text, [NotNullWhen(true)] out FacadeResourceId? id)
    {
        id = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text.Length % 4 == 1)
        {
            return false;
        }

        var base64 = new StringBuilder(text.Length + 3);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                base64.Append(c);
            }
            else if (c == '-')
            {
                base64.Append('+');
            }
            else if (c == '.')
            {
                base64.Append('/');
            }
            else
            {
                return false;
            }
        }

        base64.Append('=', (4 - (text.Length % 4)) % 4);
        var buffer = new byte[MaxBytes];
        if (!Convert.TryFromBase64String(base64.ToString(), buffer, out var length) || length < 4 + 2 + 1 + ChecksumLength)
        {
            return false;
        }

        // A non-canonical encoding (different trailing bits) would decode to the same bytes: reject it too.
        var bytes = buffer.AsSpan(0, length);
        if (!string.Equals(ToIdAlphabet(bytes), text, StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> checksum = stackalloc byte[ChecksumLength];
        WriteChecksum(bytes[..^ChecksumLength], checksum);
        if (!checksum.SequenceEqual(bytes[^ChecksumLength..]) || bytes[0] != Version || (bytes[1] & ~UpperCaseFlag) > NumberGuidFlag)
        {
            return false;
        }

        var body = bytes[..^ChecksumLength];
        int supplierLength = body[2];
        if (3 + supplierLength >= body.Length)
        {
            return false;
        }

        int organisationLength = body[3 + supplierLength];
        var nativeStart = 4 + supplierLength + organisationLength;
        if (supplierLength == 0 || organisationLength == 0 || nativeStart >= body.Length)
        {
            return false;
        }

        if (!TryDecodeNative(body[1], body[nativeStart..], out var nativeId))
        {
            return false;
        }

        id = new FacadeResourceId(
            Encoding.UTF8.GetString(body.Slice(3, supplierLength)),
            Encoding.UTF8.GetString(body.Slice(4 + supplierLength, organisationLength)),
            nativeId);
        return true;
    }

    private static (byte Flags, byte[] Bytes) EncodeNative(string nativeId)
    {
        if (IsCanonicalGuid(nativeId, out var guid, out var upper))
        {
            return ((byte)(GuidFlag | upper), guid.ToByteArray(bigEndian: true));
        }

        var slash = nativeId.IndexOf('/', StringComparison.Ordinal);
        if (slash is > 0 and <= 19
            && !nativeId.AsSpan(0, slash).ContainsAnyExcept(Digits)
            && IsCanonicalGuid(nativeId[(slash + 1)..], out var suffix, out var suffixUpper))
        {
            var bytes = new byte[NumberGuidLength];
            bytes[0] = (byte)slash;
            BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(1), ulong.Parse(nativeId.AsSpan(0, slash), CultureInfo.InvariantCulture));
            suffix.TryWriteBytes(bytes.AsSpan(9), bigEndian: true, out _);
            return ((byte)(NumberGuidFlag | suffixUpper), bytes);
        }

        return (0, Encoding.UTF8.GetBytes(nativeId));
    }

    private static bool TryDecodeNative(byte flags, ReadOnlySpan<byte> native, [NotNullWhen(true)] out string? nativeId)
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

    private static bool IsCanonicalGuid(string text, out Guid guid, out byte upperCaseFlag)
    {
        upperCaseFlag = 0;
        if (!Guid.TryParseExact(text, "D", out guid))
        {
            return false;
        }

        if (string.Equals(GuidText(guid, upper: false), text, StringComparison.Ordinal))
        {
            return true;
        }

        upperCaseFlag = UpperCaseFlag;
        return string.Equals(GuidText(guid, upper: true), text, StringComparison.Ordinal);
    }

    private static string GuidText(Guid guid, bool upper) => upper ? guid.ToString("D").ToUpperInvariant() : guid.ToString("D");

    private static void WriteChecksum(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, hash);
        hash[..ChecksumLength].CopyTo(destination);
    }

    private static string ToIdAlphabet(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '.');
}
