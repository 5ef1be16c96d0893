using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation;
using FhirFacade.Fhir.Validation.Snapshots;
using FhirFacade.Fhir.Validation.Validators;

namespace FhirFacade.TestKit.Fhir;

/// <summary>
/// For mapper tests (issue #14): every extension a mapper emits must sit on an element its definition's
/// <c>context</c> allows. Runs the kernel's validator and keeps only its extension-context findings, so a
/// mapper test can assert them alone, and counts the extensions it looked at so the test cannot pass empty.
/// </summary>
public static class ExtensionContextCheck
{
    private static readonly Lazy<FhirValidator> Validator = new(() =>
        FhirValidation.CreateValidator(TestFhir.Packages, TestFhir.Model, cacheOptions: new SnapshotCacheOptions { Enabled = false }));

    /// <summary>The extensions (and modifier extensions) in the resource, nested ones included.</summary>
    public static int CountExtensions(ElementNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Descendants().Count(n => n.InstanceType == "Extension");
    }

    /// <summary>Each misplaced extension as "location: message"; empty when every extension is in its context.</summary>
    public static IReadOnlyList<string> Misplaced(ElementNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Validator.Value.Validate(resource).Issues
            .Where(i => i.Code is ValidationCodes.ExtensionContext or ValidationCodes.ExtensionContextInvariant)
            .Select(i => $"{i.Location}: {i.Message}")
            .ToList();
    }
}
