using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Paging;

/// <summary>
/// Writes and checks the <c>_page</c> value of <c>next</c>/<c>previous</c> links: the search itself,
/// signed with HMAC-SHA256, so paging needs no server state and a changed link is refused
/// (a client cannot widen a search, or move it to another patient, by editing the link).
/// </summary>
public sealed class PageTokenCodec
{
    private const int MinimumKeyBytes = 32;
    private readonly byte[] _key;

    public PageTokenCodec(IOptions<PagingOptions> options)
    {
        var configured = options.Value.SigningKey;
        if (string.IsNullOrEmpty(configured))
        {
            _key = RandomNumberGenerator.GetBytes(MinimumKeyBytes);
            return;
        }

        _key = Convert.FromBase64String(configured);
        if (_key.Length < MinimumKeyBytes)
        {
            throw new InvalidOperationException($"Facade:Paging:SigningKey must be at least {MinimumKeyBytes} bytes (base64).");
        }
    }

    /// <summary>Encodes and signs a token (URL-safe).</summary>
    public string Encode(PageToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var payload = string.Join('\n', token.ResourceType, token.Count.ToString(CultureInfo.InvariantCulture), token.Offset.ToString(CultureInfo.InvariantCulture), token.Query);
        var bytes = Encoding.UTF8.GetBytes(payload);
        return Base64Url.EncodeToString(bytes) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, bytes));
    }

    /// <summary>Checks the signature and decodes; <see langword="false"/> for anything not signed by this key, unchanged.</summary>
    public bool TryDecode(string? text, [NotNullWhen(true)] out PageToken? token)
    {
        token = null;
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (text is null || dot <= 0 || text.Length > 16_384)
        {
            return false;
        }

        byte[] payload;
        byte[] signature;
        try
        {
            payload = Base64Url.DecodeFromChars(text.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(text.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(payload).Split('\n', 4);
        if (parts.Length != 4
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return false;
        }

        token = new PageToken(parts[0], parts[3], count, offset);
        return true;
    }
}
