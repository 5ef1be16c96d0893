using System.Text.Json;
using System.Text.Json.Nodes;
using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Microtest.Mapping;
using FhirFacade.Suppliers.Microtest.Native;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Suppliers.Microtest.Tests.Mapping;

/// <summary>
/// Native fixtures in, FHIR JSON out, compared with committed snapshots (<c>Fixtures/*.fhir.json</c>) by
/// <see cref="JsonNode.DeepEquals"/>. Set <c>MICROTEST_UPDATE_SNAPSHOTS=1</c> to rewrite them, then review the diff.
/// </summary>
internal static class MapperSnapshot
{
    private const string UpdateSwitch = "MICROTEST_UPDATE_SNAPSHOTS";

    public static T Native<T>(string fixture) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(FixturePath(fixture + ".json")), MicrotestJson.Options)!;

    public static MicrotestMappingContext Context() => new("L83100", "Harbour Lane Practice (L83100)", "9990000042", TestResourceIds.Codec);

    public static JsonNode ToJson(Resource resource) => JsonNode.Parse(TestFhir.JsonSerializer.Serialize(resource.ToElementNode(TestFhir.Model)))!;

    /// <summary>The resource's JSON and the committed snapshot (rewritten first when the update switch is on).</summary>
    public static (JsonNode Actual, JsonNode? Expected) Compare(Resource resource, string snapshot)
    {
        var actual = ToJson(resource);
        var path = FixturePath(snapshot + ".fhir.json");
        if (Environment.GetEnvironmentVariable(UpdateSwitch) == "1")
        {
            var source = Path.Combine(SourceFixtures(), snapshot + ".fhir.json");
            File.WriteAllText(source, actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            File.Copy(source, path, overwrite: true);
        }

        return (actual, File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) : null);
    }

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static string SourceFixtures([System.Runtime.CompilerServices.CallerFilePath] string caller = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(caller))!, "Fixtures");
}
