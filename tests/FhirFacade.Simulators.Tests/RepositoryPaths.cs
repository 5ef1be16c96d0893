namespace FhirFacade.Simulators.Tests;

/// <summary>Finds files of the checkout (profiles/, examples/) from the test binary's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FhirFacade.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("FhirFacade.sln not found above the test folder");
        }
    }

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);
}
