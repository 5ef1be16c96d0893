using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Packages;
using FhirFacade.Fhir.Validation;
using FhirFacade.Fhir.Validation.Snapshots;

namespace FhirFacade.Benchmarks.Validation;

/// <summary>
/// Cold start: open the packages, generate the UK Core snapshots (or read them from the disk cache),
/// compile the seven facade profiles and validate one Patient and one MedicationStatement (which
/// compiles the data types they use). Each invocation starts from nothing but the OS file cache.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class ColdStartBenchmarks
{
    private string _cacheFolder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cacheFolder = Directory.CreateTempSubdirectory("fhirfacade-bench-snapshots-").FullName;
        StartUp(new SnapshotCacheOptions { Folder = _cacheFolder });
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_cacheFolder, recursive: true);

    [Benchmark(Baseline = true)]
    public bool WithoutSnapshotCache() => StartUp(new SnapshotCacheOptions { Enabled = false });

    [Benchmark]
    public bool WithSnapshotCache() => StartUp(new SnapshotCacheOptions { Folder = _cacheFolder });

    private static bool StartUp(SnapshotCacheOptions cache)
    {
        var kernel = FhirKernel.Create(FhirPackageSet.OpenProject());
        var validator = FhirValidation.CreateValidator(kernel.Packages, kernel.Model, cacheOptions: cache);
        if (validator.Precompile(ValidationBenchmarkData.FacadeProfiles).Count > 0)
        {
            throw new InvalidOperationException("A facade profile did not resolve.");
        }

        var patient = ValidationBenchmarkData.ParseExample(kernel, ValidationBenchmarkData.PatientExample);
        var statement = ValidationBenchmarkData.ParseExample(kernel, ValidationBenchmarkData.MedicationStatementExample);
        return validator.Validate(patient, ValidationBenchmarkData.PatientProfile).IsValid
            && validator.Validate(statement, ValidationBenchmarkData.MedicationStatementProfile).IsValid;
    }
}
