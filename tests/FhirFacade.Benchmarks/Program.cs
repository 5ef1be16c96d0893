using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/FhirFacade.Benchmarks -- --filter '*'   (see docs/benchmarks.md)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Benchmark entry point.</summary>
public partial class Program
{
}
