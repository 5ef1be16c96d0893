using System.Collections.Immutable;
using FhirFacade.Core.Access;
using FhirFacade.Core.Location;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Core.Validation;
using FhirFacade.Fhir.Issues;
using Microsoft.Extensions.Logging;

namespace FhirFacade.Core.Gateway.Steps;

/// <summary>What the holders' answers hold once screened, before the merge.</summary>
/// <param name="Matches">Released matches, holder by holder in the holders' order, each holder's in the supplier's order.</param>
/// <param name="Included">Released <c>_include</c> candidates (only when the search includes medications).</param>
/// <param name="Medications">Every Medication of this patient (or of no stated patient) the answers carried, released or not: the merge keys statements by them.</param>
/// <param name="Failures">The holders whose call failed.</param>
/// <param name="Answered">How many holders answered.</param>
internal sealed record ScreenedAnswers(
    ImmutableArray<GatewayResource> Matches,
    ImmutableArray<GatewayResource> Included,
    ImmutableArray<SupplierResource> Medications,
    ImmutableArray<SupplierFailure> Failures,
    int Answered);

/// <summary>
/// Step 4 of a search, screen (and, for what passes, step 5, validate): every holder's answer in the holders' order. A
/// failed call is a failure and its issue; a holder that no longer holds the record is reported and its cached location
/// forgotten; each resource must be the asked-about patient's (else withheld with <see cref="PatientMismatch.Code"/>),
/// must meet the criteria the supplier could not apply natively, must be one the caller may see
/// (<see cref="IAccessPolicy.MayRelease"/>: patient confinement, restrictions) and must pass validation
/// (<see cref="ValidateStep"/>). The issues come out in exactly that order, resource by resource.
/// </summary>
internal sealed class ScreenStep(IAccessPolicy access, ResourceValidationStep validation, IRecordLocator locator, ILogger logger)
{
    public StepResult<ScreenedAnswers> Run(RequestContext context, SearchRequest request, ImmutableArray<HolderAnswer> answers, DateTimeOffset now)
    {
        var issues = ImmutableArray.CreateBuilder<Issue>();
        var matches = ImmutableArray.CreateBuilder<GatewayResource>();
        var included = ImmutableArray.CreateBuilder<GatewayResource>();
        var medications = ImmutableArray.CreateBuilder<SupplierResource>();
        var failures = ImmutableArray.CreateBuilder<SupplierFailure>();
        var answered = 0;
        foreach (var (holder, call) in answers)
        {
            if (!call.Succeeded)
            {
                failures.Add(call.Failure!);
                issues.Add(call.Issue!);
                continue;
            }

            answered++;
            var result = call.Value!;
            issues.AddRange(result.Issues);
            if (result.PatientNotHeld)
            {
                issues.Add(NotHeld(holder, request.ResourceType));
                continue;
            }

            var native = holder.Adapter.Capabilities.First(c => c.ResourceType == request.ResourceType).NativeSearchParameters;
            foreach (var resource in result.Matches)
            {
                if (!PatientScreen.BelongsToPatient(resource, holder.Patient))
                {
                    issues.Add(Withheld(resource, holder));
                    continue;
                }

                if (!MeetsCriteria(resource, request, native, now))
                {
                    continue;
                }

                if (Release(context, resource, holder, issues))
                {
                    matches.Add(new GatewayResource(resource, holder.Adapter.SupplierId, holder.Organisation.OdsCode));
                }
            }

            foreach (var resource in result.Included)
            {
                // The same backstop as for the matches: a resource attributed to another patient is never merged or
                // released. One that names no patient (a Medication need not) is kept, as before.
                if (!PatientScreen.BelongsToPatientOrUnknown(resource, holder.Patient))
                {
                    if (request.IncludesMedication)
                    {
                        issues.Add(Withheld(resource, holder));
                    }

                    continue;
                }

                if (resource.ResourceType == FhirResourceTypes.Medication)
                {
                    medications.Add(resource);
                }

                // Adapters return the medications of every statement (the merge keys them by dm+d code); only an _include releases them.
                if (request.IncludesMedication && Release(context, resource, holder, issues))
                {
                    included.Add(new GatewayResource(resource, holder.Adapter.SupplierId, holder.Organisation.OdsCode));
                }
            }
        }

        return new(
            new ScreenedAnswers(matches.ToImmutable(), included.ToImmutable(), medications.ToImmutable(), failures.ToImmutable(), answered),
            issues.ToImmutable());
    }

    /// <summary>
    /// <see langword="true"/> when <paramref name="resource"/> meets every criterion of <paramref name="request"/> that the
    /// supplier did not apply itself (those in <paramref name="native"/> it did).
    /// </summary>
    public static bool MeetsCriteria(SupplierResource resource, SearchRequest request, IReadOnlySet<string> native, DateTimeOffset now) =>
        request.Criteria.All(c => native.Contains(c.Parameter.Name) || SearchMatcher.Matches(resource.Resource, c, now));

    // Restrictions (the access policy) first, then validation: its issues follow the ones already raised.
    private bool Release(RequestContext context, SupplierResource resource, RecordHolder holder, ImmutableArray<Issue>.Builder issues)
    {
        if (!access.MayRelease(context, resource, holder.Adapter.SupplierId, holder.Organisation.OdsCode))
        {
            return false;
        }

        var validated = ValidateStep.Run(validation, resource, holder);
        issues.AddRange(validated.Issues);
        return validated.Value;
    }

    /// <summary>
    /// A listed holder said it has no record for the patient: reported by supplier and ODS code, and the cached
    /// location forgotten so the next request asks every organisation again instead of repeating the stale answer.
    /// </summary>
    private Issue NotHeld(RecordHolder holder, string resourceType)
    {
        Log.HolderHasNoRecord(logger, holder.Adapter.SupplierId, holder.Organisation.OdsCode, resourceType);
        if (holder.Patient.NhsNumber is { } nhsNumber)
        {
            locator.Forget(nhsNumber);
        }

        return HolderNotFound.Warning(holder.Adapter, holder.Organisation);
    }

    private Issue Withheld(SupplierResource resource, RecordHolder holder)
    {
        Log.ResourceWithheld(logger, resource.ResourceType, holder.Adapter.SupplierId, holder.Organisation.OdsCode, PatientMismatch.Code);
        return new Issue(PatientMismatch.Code, IssueSeverity.Warning, IssueType.Processing, $"A {resource.ResourceType} from {SupplierCallRunner.SupplierLabel(holder.Adapter, holder.Organisation)} {PatientMismatch.Reason} and was withheld.");
    }
}
