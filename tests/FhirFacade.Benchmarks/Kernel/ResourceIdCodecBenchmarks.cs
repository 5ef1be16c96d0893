using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using FhirFacade.Core.Identity;

namespace FhirFacade.Benchmarks.Kernel;

/// <summary>
/// The resource id codec on the hot path (every resource and reference a mapper writes, every read and
/// patient-reference search decodes): the keyed, type-bound version 2 against version 1 (an unkeyed 3-byte
/// SHA-256 checksum, built with intermediate arrays and strings), measured in the same run. Version 1 is kept
/// here only as the baseline, as it was before issue #13.
/// </summary>
[MemoryDiagnoser]
public class ResourceIdCodecBenchmarks
{
    private static readonly FacadeResourceId EventId = new("emis", "A81001", "9990000018/3F2504E0-4F89-41D3-9A0C-0305E82C3301");
    private readonly ResourceIdCodec _codec = new(Encoding.ASCII.GetBytes("benchmark key, thirty-two bytes!"));
    private string _version1 = null!;
    private string _version2 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _version1 = Version1.Encode(EventId);
        _version2 = _codec.Encode("Condition", EventId);
    }

    [Benchmark(Baseline = true)]
    public string EncodeVersion1() => Version1.Encode(EventId);

    [Benchmark]
    public string EncodeVersion2() => _codec.Encode("Condition", EventId);

    [Benchmark]
    public FacadeResourceId? DecodeVersion1() => Version1.TryDecode(_version1, out var id) ? id : null;

    [Benchmark]
    public FacadeResourceId? DecodeVersion2() => _codec.TryDecode("Condition", _version2, out var id) ? id : null;

    /// <summary>Version 1 of the format, for the {digits}/{GUID} native id form this benchmark uses.</summary>
    private static class Version1
    {
        private const int ChecksumLength = 3;

        public static string Encode(FacadeResourceId id)
        {
            var supplier = Encoding.UTF8.GetBytes(id.Supplier);
            var organisation = Encoding.UTF8.GetBytes(id.Organisation);
            var slash = id.NativeId.IndexOf('/', StringComparison.Ordinal);
            var native = new byte[25];
            native[0] = (byte)slash;
            BinaryPrimitives.WriteUInt64BigEndian(native.AsSpan(1), ulong.Parse(id.NativeId.AsSpan(0, slash), CultureInfo.InvariantCulture));
            Guid.ParseExact(id.NativeId[(slash + 1)..], "D").TryWriteBytes(native.AsSpan(9), bigEndian: true, out _);
            var buffer = new byte[4 + supplier.Length + organisation.Length + native.Length + ChecksumLength];
            buffer[0] = 1;
            buffer[1] = 2 | 4;
            buffer[2] = (byte)supplier.Length;
            supplier.CopyTo(buffer, 3);
            var at = 3 + supplier.Length;
            buffer[at++] = (byte)organisation.Length;
            organisation.CopyTo(buffer, at);
            at += organisation.Length;
            native.CopyTo(buffer, at);
            at += native.Length;
            SHA256.HashData(buffer.AsSpan(0, at)).AsSpan(0, ChecksumLength).CopyTo(buffer.AsSpan(at));
            return Convert.ToBase64String(buffer).TrimEnd('=').Replace('+', '-').Replace('/', '.');
        }

        public static bool TryDecode(string text, out FacadeResourceId? id)
        {
            id = null;
            var base64 = new StringBuilder(text.Length + 3);
            foreach (var c in text)
            {
                base64.Append(c switch { '-' => '+', '.' => '/', _ => c });
            }

            base64.Append('=', (4 - (text.Length % 4)) % 4);
            var buffer = new byte[48];
            if (!Convert.TryFromBase64String(base64.ToString(), buffer, out var length))
            {
                return false;
            }

            var bytes = buffer.AsSpan(0, length);
            var canonical = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '.');
            Span<byte> checksum = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..^ChecksumLength], checksum);
            if (canonical != text || !checksum[..ChecksumLength].SequenceEqual(bytes[^ChecksumLength..]))
            {
                return false;
            }

            int supplierLength = bytes[2];
            int organisationLength = bytes[3 + supplierLength];
            var native = bytes[(4 + supplierLength + organisationLength)..^ChecksumLength];
            var number = BinaryPrimitives.ReadUInt64BigEndian(native[1..]).ToString(CultureInfo.InvariantCulture).PadLeft(native[0], '0');
            id = new FacadeResourceId(
                Encoding.UTF8.GetString(bytes.Slice(3, supplierLength)),
                Encoding.UTF8.GetString(bytes.Slice(4 + supplierLength, organisationLength)),
                number + "/" + new Guid(native[9..], bigEndian: true).ToString("D").ToUpperInvariant());
            return true;
        }
    }
}
