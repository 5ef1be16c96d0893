namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>How a slicing discriminator is evaluated (<see href="https://hl7.org/fhir/R4/valueset-discriminator-type.html"/>).</summary>
public enum DiscriminatorType
{
    /// <summary><c>value</c>: the element at the path has a fixed value in each slice.</summary>
    Value,

    /// <summary><c>exists</c>: the element at the path is present or absent.</summary>
    Exists,

    /// <summary><c>pattern</c>: the element at the path matches a pattern.</summary>
    Pattern,

    /// <summary><c>type</c>: the element at the path has a given type.</summary>
    Type,

    /// <summary><c>profile</c>: the element at the path conforms to a profile.</summary>
    Profile,
}
