using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/FhirFacade.Benchmarks -- --filter '*'   (see docs/benchmarks.md)
BenchmarkSwitcher.FromAssembly(typeof(FhirFacade.Benchmarks.Kernel.BenchmarkData).Assembly).Run(args);

/// <summary>Benchmark entry point.</summary>
public partial class Program
{
}
