namespace FhirFacade.Fhir.Validation.Snapshots;

/// <summary>Stable codes of the issues reported by snapshot generation.</summary>
public static class SnapshotIssueCodes
{
    /// <summary>The base definition could not be resolved, or has no snapshot.</summary>
    public const string BaseNotFound = "SNAP001";

    /// <summary>A differential element does not match any element of the base.</summary>
    public const string ElementNotFound = "SNAP002";

    /// <summary>A differential type is not one of the base element's types.</summary>
    public const string TypeNotInBase = "SNAP003";

    /// <summary>A differential cardinality is wider than the base's.</summary>
    public const string CardinalityWidened = "SNAP004";

    /// <summary>A slice was defined on an element that declares no slicing (a default was assumed).</summary>
    public const string SliceWithoutSlicing = "SNAP005";

    /// <summary>A type profile could not be resolved; the base type's definition was used.</summary>
    public const string TypeProfileNotFound = "SNAP006";

    /// <summary>The children of an element could not be unfolded (several or unknown types).</summary>
    public const string CannotUnfold = "SNAP007";

    /// <summary>The definition derives from itself through its base chain or type profiles.</summary>
    public const string Circular = "SNAP008";

    /// <summary>A differential element's id is missing or does not agree with its path.</summary>
    public const string BadElementId = "SNAP009";

    /// <summary>A fixed value in the differential conflicts with a fixed value in the base.</summary>
    public const string FixedConflict = "SNAP010";
}
