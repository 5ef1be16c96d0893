using FhirFacade.Fhir.Model;

namespace FhirFacade.Cli.Commands.Shared;

/// <summary>The kernel over the project's FHIR packages, opened once when a command first needs it.</summary>
internal static class CliKernel
{
    public static FhirKernel Kernel => FhirKernel.Default;

    public static IFhirModel Model => Kernel.Model;
}
