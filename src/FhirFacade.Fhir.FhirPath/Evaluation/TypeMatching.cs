using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>
/// <c>is</c>, <c>as</c> and <c>ofType</c> (<see href="https://hl7.org/fhir/R4/fhirpath.html#types"/>): nodes
/// are FHIR types (namespace <c>FHIR</c>), literals and computed values are System types; unqualified
/// names are looked up in FHIR first, then System.
/// </summary>
internal static class TypeMatching
{
    private static readonly HashSet<string> SystemTypes = new(StringComparer.Ordinal)
    {
        "Boolean", "Integer", "Decimal", "String", "Date", "DateTime", "Time", "Quantity",
    };

    public static bool Matches(FhirPathItem item, string typeSpecifier, IFhirModel? model)
    {
        var (ns, name) = Split(typeSpecifier);
        if (item.Node is { } node)
        {
            if (ns == "System")
            {
                return false;
            }

            if (node.InstanceType == name)
            {
                return true;
            }

            if (model is not null)
            {
                if (model.FindType(name) is null && !SystemTypes.Contains(name))
                {
                    throw new FhirPathEvaluationException($"Unknown type '{typeSpecifier}'.");
                }

                return model.IsSubtypeOf(node.InstanceType, name);
            }

            return name switch
            {
                "Resource" => node.IsResource,
                "DomainResource" => node.IsResource && node.InstanceType is not ("Bundle" or "Parameters" or "Binary"),
                "Element" => !node.IsResource,
                _ => false,
            };
        }

        if (ns == "FHIR")
        {
            return false;
        }

        if (!SystemTypes.Contains(name) && model is not null && model.FindType(name) is null)
        {
            throw new FhirPathEvaluationException($"Unknown type '{typeSpecifier}'.");
        }

        return item.TypeName == name;
    }

    public static void EnsureKnown(string typeSpecifier, IFhirModel? model)
    {
        var (ns, name) = Split(typeSpecifier);
        if (model is null || ns == "System" && SystemTypes.Contains(name) || SystemTypes.Contains(name))
        {
            return;
        }

        if (model.FindType(name) is null)
        {
            throw new FhirPathEvaluationException($"Unknown type '{typeSpecifier}'.");
        }
    }

    private static (string? Namespace, string Name) Split(string typeSpecifier)
    {
        var dot = typeSpecifier.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (null, typeSpecifier) : (typeSpecifier[..dot], typeSpecifier[(dot + 1)..]);
    }
}
