using System.CommandLine;

namespace FhirFacade.Cli.Commands.Audit;

/// <summary><c>fhirfacade audit</c>: tools for the durable audit trail.</summary>
internal static class AuditCommand
{
    public static Command Create() => new("audit", "Audit trail tools.")
    {
        AuditVerifyCommand.Create(),
        AuditStressCommand.Create(),
    };
}
