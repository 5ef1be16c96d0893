using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.FhirPath.Tests;

/// <summary>Hand-built element trees for unit tests (no model or parser needed).</summary>
internal static class TestNodes
{
    public static readonly TypeDefinition StringType = new("string", TypeKind.PrimitiveType, "Element", false, false, null, PrimitiveSystemType.String);
    public static readonly TypeDefinition BooleanType = new("boolean", TypeKind.PrimitiveType, "Element", false, false, null, PrimitiveSystemType.Boolean);
    public static readonly TypeDefinition IntegerType = new("integer", TypeKind.PrimitiveType, "Element", false, false, null, PrimitiveSystemType.Integer);
    public static readonly TypeDefinition DecimalType = new("decimal", TypeKind.PrimitiveType, "Element", false, false, null, PrimitiveSystemType.Decimal);
    public static readonly TypeDefinition DateType = new("date", TypeKind.PrimitiveType, "Element", false, false, null, PrimitiveSystemType.Date);

    public static ElementNode Resource(string type, string? name = null) =>
        new(name ?? type, type, new TypeDefinition(type, TypeKind.Resource, "DomainResource", false, false, null));

    public static ElementNode Complex(string name, string type) => new(name, type);

    public static ElementNode Primitive(string name, TypeDefinition type, string? text) => new(name, type.Name, type, text: text);

    public static ElementNode With(this ElementNode parent, params ElementNode[] children)
    {
        foreach (var child in children)
        {
            parent.AddChild(child);
        }

        return parent;
    }

    public static ElementNode Str(string name, string text) => Primitive(name, StringType, text);

    /// <summary>A Patient with two names, a birthDate with an extension, and active=true.</summary>
    public static ElementNode Patient()
    {
        var birthDate = Primitive("birthDate", DateType, "1974-12-25").With(
            Complex("extension", "Extension").With(
                Str("url", "http://hl7.org/fhir/StructureDefinition/patient-birthTime"),
                Primitive("value", new TypeDefinition("dateTime", TypeKind.PrimitiveType, "Element", false, false, null, PrimitiveSystemType.DateTime), "1974-12-25T14:35:45-05:00")));
        return Resource("Patient").With(
            Str("id", "example"),
            Primitive("active", BooleanType, "true"),
            Complex("name", "HumanName").With(Str("use", "official"), Str("family", "Chalmers"), Str("given", "Peter"), Str("given", "James")),
            Complex("name", "HumanName").With(Str("use", "usual"), Str("given", "Jim")),
            Str("gender", "male"),
            birthDate);
    }

    public static string Render(IReadOnlyList<FhirPathItem> items) =>
        string.Join(", ", items.Select(i => i.Node is { } node ? node.Text ?? node.InstanceType : i.ToString()));
}
