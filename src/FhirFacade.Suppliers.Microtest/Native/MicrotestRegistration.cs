namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>The <c>registration</c>: <c>GMS</c> (registered) or <c>TemporaryResident</c>.</summary>
internal sealed record MicrotestRegistration(string? Type, string? StartDate, MicrotestClinician? UsualGp)
{
    public const string Gms = "GMS";

    public bool IsRegisteredPractice => Type == Gms;
}
