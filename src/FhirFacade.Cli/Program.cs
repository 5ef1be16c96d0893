using System.CommandLine;

var root = new RootCommand("fhirfacade: FHIR R4 tools of the FhirFacade kernel");
return await root.Parse(args).InvokeAsync();
