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

    /// <param name="item">The item to test.</param>
    /// <param name="typeSpecifier">The type, optionally qualified.</param>
    /// <param name="model">The FHIR model for subtyping.</param>
    /// <param name="exactPrimitive">
    /// For <c>as</c> and <c>ofType</c>: a FHIR primitive matches its own type only (a <c>code</c> is not
    /// <c>as(string)</c>), while <c>is</c> follows the primitive's derivation (a <c>code</c> is a <c>string</c>),
    /// as the FHIRPath R4 suite expects (testFHIRPathIsFunction2, testFHIRPathAsFunction11).
    /// </param>
    public static bool Matches(FhirPathItem item, string typeSpecifier, IFhirModel? model, bool exactPrimitive = false)
    {
        var (ns, name) = Split(typeSpecifier);
        if (item.Node is { } node)
        {
            if (ns == "System")
            {
                return false;
            }

            if (model is not null && node.InstanceType != name && model.FindType(name) is null && !SystemTypes.Contains(name))
            {
                throw new FhirPathEvaluationException($"Unknown type '{typeSpecifier}'.");
            }

            if (node.InstanceType == name)
            {
                return true;
            }

            if (exactPrimitive && node.PrimitiveType != PrimitiveSystemType.None)
            {
                return false;
            }

            if (model is not null)
            {
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
