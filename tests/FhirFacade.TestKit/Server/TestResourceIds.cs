using FhirFacade.Core.Identity;

namespace FhirFacade.TestKit.Server;

/// <summary>
/// The resource id key of the tests: fixed, so that ids in committed snapshots and in test data are the
/// same on every run. Test servers are configured with it (<c>Facade:Ids:SigningKey</c>).
/// </summary>
public static class TestResourceIds
{
    /// <summary>The key, base64 (32 bytes; a test value, never a deployment's).</summary>
    public const string SigningKey = "dGVzdC1vbmx5IHJlc291cmNlLWlkIGtleSwgbm90IHNlY3JldA==";

    /// <summary>A codec with <see cref="SigningKey"/>.</summary>
    public static ResourceIdCodec Codec { get; } = new(Convert.FromBase64String(SigningKey));

    /// <summary>The id the facade (under the test key) gives the resource of <paramref name="resourceType"/> at <paramref name="supplier"/>/<paramref name="odsCode"/> with <paramref name="nativeId"/>.</summary>
    public static string Encode(string resourceType, string supplier, string odsCode, string nativeId) =>
        Codec.Encode(resourceType, new FacadeResourceId(supplier, odsCode, nativeId));
}
