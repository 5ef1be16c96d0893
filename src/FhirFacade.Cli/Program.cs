using System.CommandLine;

var root = new RootCommand("fhirfacade: FHIR R4 tools of the FhirFacade kernel");
root.Add(FhirFacade.Cli.Commands.Validate.ValidateCommand.Create());
return await root.Parse(args).InvokeAsync();
