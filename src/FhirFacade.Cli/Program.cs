using System.CommandLine;

var root = new RootCommand("fhirfacade: FHIR R4 tools of the FhirFacade kernel");
root.Subcommands.Add(FhirFacade.Cli.Commands.Audit.AuditCommand.Create());
return await root.Parse(args).InvokeAsync();
