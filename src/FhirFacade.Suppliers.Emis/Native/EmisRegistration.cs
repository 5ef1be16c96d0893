namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>The <c>Registration</c> element: GMS (registered practice), TemporaryResident or Community.</summary>
public sealed record EmisRegistration(string? Type, string? StartDate, string? UsualGp)
{
    public bool IsRegisteredPractice => string.Equals(Type, "GMS", StringComparison.Ordinal);
}
