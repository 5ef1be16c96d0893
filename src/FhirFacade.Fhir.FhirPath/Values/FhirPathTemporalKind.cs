namespace FhirFacade.Fhir.FhirPath.Values;

/// <summary>Which FHIRPath temporal type a <see cref="FhirPathTemporal"/> is.</summary>
public enum FhirPathTemporalKind
{
    /// <summary><c>System.Date</c>.</summary>
    Date,

    /// <summary><c>System.DateTime</c>.</summary>
    DateTime,

    /// <summary><c>System.Time</c>.</summary>
    Time,
}
