using BenchmarkDotNet.Attributes;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Packages;
using FhirFacade.Fhir.Validation;

namespace FhirFacade.Benchmarks.Validation;

/// <summary>
/// Warm validation on one thread: profiles compiled, the same parsed UK Core example validated
/// repeatedly against its profile. Goal: ≥ 20,000 validations/s (≤ 50 µs each).
/// </summary>
[MemoryDiagnoser]
public class WarmValidationBenchmarks
{
    private FhirValidator _validator = null!;
    private ElementNode _patient = null!;
    private ElementNode _medicationStatement = null!;

    [GlobalSetup]
    public void Setup()
    {
        var kernel = FhirKernel.Create(FhirPackageSet.OpenProject());
        _validator = FhirValidation.CreateValidator(kernel.Packages, kernel.Model);
        _patient = ValidationBenchmarkData.ParseExample(kernel, ValidationBenchmarkData.PatientExample);
        _medicationStatement = ValidationBenchmarkData.ParseExample(kernel, ValidationBenchmarkData.MedicationStatementExample);
        if (!ValidatePatient().IsValid || !ValidateMedicationStatement().IsValid)
        {
            throw new InvalidOperationException("The benchmark examples must be valid.");
        }
    }

    [Benchmark]
    public ValidationResult ValidatePatient() => _validator.Validate(_patient, ValidationBenchmarkData.PatientProfile);

    [Benchmark]
    public ValidationResult ValidateMedicationStatement() => _validator.Validate(_medicationStatement, ValidationBenchmarkData.MedicationStatementProfile);
}
