using BenchmarkDotNet.Running;
using FhirFacade.Benchmarks.Mllp;

// dotnet run -c Release --project tests/FhirFacade.Benchmarks -- --filter '*'   (see docs/benchmarks.md)
// dotnet run -c Release --project tests/FhirFacade.Benchmarks -- mllp --port N  (Vision MLLP load, scripts/bench/four-suppliers.sh)
if (args is [MllpLoadCommand.Name, ..])
{
    return await MllpLoadCommand.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(FhirFacade.Benchmarks.Kernel.BenchmarkData).Assembly).Run(args);
return 0;

/// <summary>Benchmark entry point.</summary>
public partial class Program
{
}
