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
    /// </summary>
    public static string Derive(ElementNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var text = new StringBuilder(4096);
        Append(text, resource, isMeta: false);

        // UTF-8 with replacement: an unpaired surrogate in supplier text (repaired only when written) cannot fail here.
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(digest.AsSpan(0, DerivedBytes));
    }

    private static void Append(StringBuilder text, ElementNode node, bool isMeta)
    {
        foreach (var child in node.Children)
        {
            if (isMeta && child.Name is "lastUpdated" or "versionId")
            {
                continue;
            }

            Field(text, child.Name);
            Field(text, child.Text ?? string.Empty);
            text.Append('{');
            Append(text, child, isMeta: child.Name == "meta" && (node.IsResource || node.Parent is null));
            text.Append('}');
        }
    }

    private static void Field(StringBuilder text, string value) =>
        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);

    // FHIR id: [A-Za-z0-9\-\.]{1,64} (https://hl7.org/fhir/R4/datatypes.html#id).
    private static bool IsFhirId(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
}
