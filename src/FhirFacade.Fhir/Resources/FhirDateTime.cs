namespace FhirFacade.Fhir.Resources;

/// <summary>Constructors from .NET date types.</summary>
public sealed partial class FhirDateTime
{
    /// <summary>Creates a date-time to the second with offset; see <see cref="FhirDates.DateTime(DateTimeOffset)"/>.</summary>
    public FhirDateTime(DateTimeOffset value)
        : this(FhirDates.DateTime(value))
    {
    }

    /// <summary>Creates a date-only <c>dateTime</c> (<c>YYYY-MM-DD</c>), as suppliers often record.</summary>
    public FhirDateTime(DateOnly value)
        : this(FhirDates.Date(value))
    {
    }
}
