using System.Diagnostics.CodeAnalysis;

namespace FhirFacade.Core.Identity;

/// <summary>The key that makes resource ids unforgeable (<c>Facade:Ids</c>), see <see cref="ResourceIdCodec"/>.</summary>
public sealed class ResourceIdOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Facade:Ids";

    /// <summary>
    /// The base64 HMAC-SHA256 key that signs every resource id (at least 32 bytes), the same on every instance.
    /// When empty, a random key is made per process and a warning is logged at start-up: ids then stop working
    /// across restarts and between instances. Changing it makes every id issued under the old key unknown (404),
    /// including the <c>patient</c> claim of tokens already issued.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Reads a configured key: base64 of at least <see cref="ResourceIdCodec.MinimumKeyBytes"/> bytes.</summary>
    public static bool TryReadKey(string? text, [NotNullWhen(true)] out byte[]? key)
    {
        key = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, buffer, out var length) || length < ResourceIdCodec.MinimumKeyBytes)
        {
            return false;
        }

        key = buffer[..length];
        return true;
    }
}
