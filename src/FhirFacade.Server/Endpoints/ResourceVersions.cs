using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FhirFacade.Core.Gateway;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Server.Endpoints;

/// <summary>
/// The version of a served resource, written as its <c>meta.versionId</c> and, on a read, its <c>ETag</c>
/// (docs/adr/0014-http-versions-and-conditional-reads.md). It is the supplier's native record version where the
/// supplier gives one that is a valid FHIR <c>id</c> (EMIS Web, SystmOne, Evolution); otherwise (INPS Vision, which
/// gives none) a digest of the mapped resource with <c>meta.lastUpdated</c> (the retrieval instant) and
/// <c>meta.versionId</c> left out, so two retrievals of an unchanged record get the same version and any change
/// to what is served gives another.
/// </summary>
public sealed class ResourceVersions(IFhirModel model)
{
    /// <summary>How many bytes of the SHA-256 digest a derived version keeps (128 bits, 32 hex digits).</summary>
    private const int DerivedBytes = 16;

    private readonly TypeDefinition? _metaType = model.FindType("Meta");
    private readonly TypeDefinition? _idType = model.FindType("id");

    /// <summary>Sets <c>meta.versionId</c> of the resource and returns the version.</summary>
    public string Stamp(GatewayResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var node = resource.Resource;
        var version = resource.Version is { } native && IsFhirId(native) ? native : Derive(node);
        var meta = node.Child("meta") ?? node.AddChild(new ElementNode("meta", "Meta", _metaType, node.Type?.FindChild("meta")));
        if (meta.Child("versionId") is { } existing)
        {
            existing.Text = version;
        }
        else
        {
            meta.AddChild(new ElementNode("versionId", "id", _idType, meta.Type?.FindChild("versionId"), version));
        }

        return version;
    }

    /// <summary>
    /// The derived version: SHA-256 over the element tree (names, values and nesting, each length-prefixed so no two
    /// trees read alike), without <c>meta.lastUpdated</c> and <c>meta.versionId</c>, as 32 lower-case hex digits.
    /// The text is encoded as UTF-8 (an unpaired surrogate in supplier text, repaired only when written, becomes U+FFFD
    /// and cannot fail here) and hashed as it is walked, through one reused buffer: no copy of the whole text is made.
    /// </summary>
    public static string Derive(ElementNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        using var hasher = new DigestWriter();
        Append(hasher, resource, isMeta: false);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        hasher.Finish(digest);
        return Convert.ToHexStringLower(digest[..DerivedBytes]);
    }

    private static void Append(DigestWriter hasher, ElementNode node, bool isMeta)
    {
        foreach (var child in node.Children)
        {
            if (isMeta && child.Name is "lastUpdated" or "versionId")
            {
                continue;
            }

            hasher.Field(child.Name);
            hasher.Field(child.Text ?? string.Empty);
            hasher.Mark((byte)'{');
            Append(hasher, child, isMeta: child.Name == "meta" && (node.IsResource || node.Parent is null));
            hasher.Mark((byte)'}');
        }
    }

    // Feeds "{length}:{value}" fields and single ASCII marks to SHA-256 through a pooled buffer. Each value is encoded
    // on its own; as every field is followed by an ASCII character, an unpaired surrogate at a field's end is replaced
    // exactly as it was when the whole text was encoded at once, so the digests (Vision's ETags) are unchanged.
    private sealed class DigestWriter : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private byte[] _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1024);
        private int _used;

        public void Field(string value)
        {
            Reserve(11 + 1 + Encoding.UTF8.GetMaxByteCount(value.Length));
            value.Length.TryFormat(_buffer.AsSpan(_used), out var digits, provider: CultureInfo.InvariantCulture);
            _used += digits;
            _buffer[_used++] = (byte)':';
            _used += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used));
        }

        public void Mark(byte ascii)
        {
            Reserve(1);
            _buffer[_used++] = ascii;
        }

        public void Finish(Span<byte> digest)
        {
            Flush();
            _hash.GetHashAndReset(digest);
        }

        public void Dispose()
        {
            _hash.Dispose();
            System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
        }

        private void Reserve(int bytes)
        {
            if (_used + bytes <= _buffer.Length)
            {
                return;
            }

            Flush();
            if (bytes > _buffer.Length)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(bytes);
            }
        }

        private void Flush()
        {
            _hash.AppendData(_buffer, 0, _used);
            _used = 0;
        }
    }

    // FHIR id: [A-Za-z0-9\-\.]{1,64} (https://hl7.org/fhir/R4/datatypes.html#id).
    private static bool IsFhirId(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
}
