namespace FhirFacade.Fhir.Packages;

/// <summary>
/// A FHIR package could not be found or loaded, or the loaded packages contradict each other
/// (two packages defining the same canonical <c>url|version</c>). A start-up/configuration error,
/// never a data error.
/// </summary>
public sealed class FhirPackageException : Exception
{
    public FhirPackageException()
    {
    }

    public FhirPackageException(string message)
        : base(message)
    {
    }

    public FhirPackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
