using System.Collections.Concurrent;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation.Definitions;
using FhirFacade.Fhir.Validation.Schema;
using FhirFacade.Fhir.Validation.Terminology;
using FhirFacade.Fhir.Validation.Validators;

namespace FhirFacade.Fhir.Validation;

/// <summary>
/// Validates FHIR R4 resources against StructureDefinitions (core types and profiles such as UK Core)
/// (<see href="https://hl7.org/fhir/R4/validation.html"/>). Each definition is compiled once into
/// immutable validators and cached; one instance serves the whole process and is thread-safe.
/// </summary>
public sealed class FhirValidator
{
    private readonly SchemaCache _schemas;
    private readonly IBindingTerminology _terminology;
    private readonly ConcurrentDictionary<string, SkippedInvariant> _skipped = new(StringComparer.Ordinal);

    /// <summary>Creates a validator.</summary>
    /// <param name="definitions">Snapshot-bearing StructureDefinitions by canonical.</param>
    /// <param name="terminology">Local terminology for bindings; without it bindings are never errors.</param>
    /// <param name="invariants">The FHIRPath compiler for invariants; without it only the structurally implemented core invariants run.</param>
    /// <param name="options">Options; defaults when omitted.</param>
    public FhirValidator(
        IStructureDefinitionResolver definitions,
        ILocalTerminology? terminology = null,
        IInvariantCompiler? invariants = null,
        FhirValidatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        options ??= new FhirValidatorOptions();
        _terminology = terminology is null ? NoTerminology.Instance : new LocalTerminologyBinding(terminology);
        _schemas = new SchemaCache(definitions, new SchemaCompiler(invariants ?? NoInvariantCompiler.Instance, options.ReportUncheckedCodes, _skipped));
    }

    /// <summary>The invariants met so far that are not evaluated, with the reason (xpath only, unsupported FHIRPath).</summary>
    public IReadOnlyCollection<SkippedInvariant> SkippedInvariants => [.. _skipped.Values.OrderBy(s => s.Key, StringComparer.Ordinal)];

    /// <summary>
    /// Validates a resource against <paramref name="profileCanonical"/> when given, against every
    /// profile in its <c>meta.profile</c> that resolves, and against its core type otherwise.
    /// Contained resources and Bundle entries are validated against their own type and <c>meta.profile</c>.
    /// </summary>
    /// <param name="resource">The resource (root node of an element tree).</param>
    /// <param name="profileCanonical">A profile to validate against in addition to <c>meta.profile</c>.</param>
    public ValidationResult Validate(ElementNode resource, string? profileCanonical = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var issues = new List<Issue>();
        var context = new ValidationContext(_schemas, _terminology, issues);
        ResourceTarget.ValidateResource(resource, context, profileCanonical);
        return new ValidationResult(issues.Count > 1 ? Deduplicate(issues) : issues);
    }

    /// <summary>Compiles the given profiles now (at start-up) instead of at first use.</summary>
    /// <returns>The canonicals that could not be resolved.</returns>
    public IReadOnlyList<string> Precompile(IEnumerable<string> canonicals)
    {
        ArgumentNullException.ThrowIfNull(canonicals);
        return canonicals.Where(c => _schemas.ForCanonical(c) is null).ToList();
    }

    /// <summary><see langword="true"/> when the canonical resolves to a compiled schema.</summary>
    public bool CanResolve(string canonical) => _schemas.ForCanonical(canonical) is not null;

    // Validating against a profile and its base (meta.profile lists both) finds the same problem twice.
    private static List<Issue> Deduplicate(List<Issue> issues)
    {
        var seen = new HashSet<Issue>();
        var unique = new List<Issue>(issues.Count);
        foreach (var issue in issues)
        {
            if (seen.Add(issue))
            {
                unique.Add(issue);
            }
        }

        return unique;
    }
}
