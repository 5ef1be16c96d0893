namespace FhirFacade.Fhir.Resources;

/// <summary>Constructors from .NET date types.</summary>
public sealed partial class FhirDate
{
    /// <summary>Creates a full date (<c>YYYY-MM-DD</c>).</summary>
    public FhirDate(DateOnly value)
        : this(FhirDates.Date(value))
    {
    }
}
