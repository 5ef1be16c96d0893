using System.CommandLine;
using FhirFacade.Cli.Commands.Audit;
using FhirFacade.Cli.Commands.Bench;
using FhirFacade.Cli.Commands.Convert;
using FhirFacade.Cli.Commands.Packages;
using FhirFacade.Cli.Commands.Validate;
using FhirFacade.Cli.TestScripts;

var root = new RootCommand("fhirfacade: FHIR R4 tools of the FhirFacade kernel");
root.Subcommands.Add(ConvertCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(TestScriptCommand.Create());
root.Subcommands.Add(PackagesCommand.Create());
return await root.Parse(args).InvokeAsync();
