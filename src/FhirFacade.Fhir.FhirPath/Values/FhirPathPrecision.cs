namespace FhirFacade.Fhir.FhirPath.Values;

/// <summary>The finest component a partial date, date-time or time carries.</summary>
public enum FhirPathPrecision
{
    /// <summary>Year (<c>2020</c>).</summary>
    Year,

    /// <summary>Month (<c>2020-01</c>).</summary>
    Month,

    /// <summary>Day (<c>2020-01-31</c>).</summary>
    Day,

    /// <summary>Hour (<c>T10</c>).</summary>
    Hour,

    /// <summary>Minute (<c>T10:30</c>).</summary>
    Minute,

    /// <summary>Second (<c>T10:30:15</c>).</summary>
    Second,

    /// <summary>Fraction of a second (<c>T10:30:15.123</c>).</summary>
    Millisecond,
}
