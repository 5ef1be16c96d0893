using System.Text.Json.Nodes;
using FhirFacade.Fhir.Validation.Definitions;

namespace FhirFacade.Fhir.Validation.Tests.Snapshots;

/// <summary>
/// A compact, reviewable projection of a snapshot: per element its id, cardinality, types, fixed/pattern value,
/// binding, slicing, mustSupport and constraint keys (the facts the validator acts on; prose is left out).
/// </summary>
internal static class SnapshotSummary
{
    public static JsonObject Create(StructureDefinition sd)
    {
        var elements = new JsonArray();
        foreach (var e in sd.Snapshot!)
        {
            var node = new JsonObject
            {
                ["id"] = e.Id,
                ["path"] = e.Path,
                ["card"] = $"{e.Min}..{e.Max}",
            };
            if (e.Types.Count > 0)
            {
                node["type"] = new JsonArray([.. e.Types.Select(TypeText).Select(t => (JsonNode?)t)]);
            }

            if (e.Fixed is { } f)
            {
                node["fixed" + f.TypeSuffix] = JsonNode.Parse(f.Value.GetRawText());
            }

            if (e.Pattern is { } p)
            {
                node["pattern" + p.TypeSuffix] = JsonNode.Parse(p.Value.GetRawText());
            }

            if (e.Binding is { } b)
            {
                node["binding"] = $"{b.Strength.ToCode()} {b.ValueSet}";
            }

            if (e.Slicing is { } s)
            {
                node["slicing"] = string.Join(",", s.Discriminators.Select(d => $"{d.Type.ToCode()}:{d.Path}")) + " " + s.Rules.ToCode();
            }

            if (e.MustSupport == true)
            {
                node["mustSupport"] = true;
            }

            if (e.Constraints.Count > 0)
            {
                node["constraints"] = string.Join(",", e.Constraints.Select(c => c.Key));
            }

            elements.Add(node);
        }

        return new JsonObject { ["url"] = sd.Url, ["elements"] = elements };
    }

    private static string TypeText(ElementType t)
    {
        var text = t.Code;
        if (t.Profile.Count > 0)
        {
            text += "(" + string.Join("|", t.Profile) + ")";
        }

        if (t.TargetProfile.Count > 0)
        {
            text += "->" + string.Join("|", t.TargetProfile.Select(x => x[(x.LastIndexOf('/') + 1)..]));
        }

        return text;
    }
}
