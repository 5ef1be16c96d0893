using System.Diagnostics;
using System.Text.Json.Nodes;
using FhirFacade.Core.Errors;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Issues;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;
using FhirFacade.TestKit.Fhir;
using FluentAssertions;
using Xunit;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.TestKit.Suppliers;

/// <summary>
/// The adapter contract: every supplier adapter, over its real simulator, answers the same native situation the same
/// way (docs/safety/hazard-log.md, H3). Each fault the simulators can inject (<see cref="ContractFault.All"/>) is run
/// against a search, a read and the "do you hold?" call, and each edge case a demo record carries (dissent, sensitive,
/// confidential items, broken data) is put behind the supplier's own protocol with the stand-in-record fault. Every
/// resource must say where and when it was retrieved, and keep the supplier's text. A supplier's test project holds a
/// thin sealed subclass that names its adapter, simulator, organisation and patients (xunit discovers the inherited
/// theories there); a new adapter passes the same suite by writing one.
/// </summary>
public abstract class SupplierAdapterContractTests : IAsyncLifetime
{
    /// <summary>The deadline the contract gives a call under a latency or hang fault (the gateway's timeout plays this part).</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);

    /// <summary>How late after <see cref="Deadline"/> a call may end on a busy machine: far less than the faults would hold it.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    /// <summary>The caller's patience for every other row: a bound on a hung test, not a timing assertion.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The dissenting demo patient (asked about directly: 403 <c>NO_PATIENT_CONSENT</c>).</summary>
    public const string Dissenting = PatientMismatchCases.Dissenting;

    /// <summary>The sensitive demo patient (asked about directly: 404 <c>PATIENT_NOT_FOUND</c>).</summary>
    public const string Sensitive = PatientMismatchCases.Sensitive;

    /// <summary>The demo patient with a confidential problem and a confidential medication, beside one of each that is not.</summary>
    public const string WithConfidentialItems = "9990000085";

    /// <summary>The demo patient with two resolved allergies (each with its end date) beside an active one.</summary>
    public const string WithResolvedAllergies = "9990000123";

    /// <summary>The demo patient with broken medications: no drug code, a non-dm+d drug code, an impossible start date (and one sound one).</summary>
    public const string WithBrokenData = "9990000107";

    /// <summary>The adapter under test, over the supplier's real simulator.</summary>
    protected abstract ISupplierAdapter Adapter { get; }

    /// <summary>The simulator the adapter talks to; the contract sets and clears its faults.</summary>
    protected abstract ISupplierSimulator Simulator { get; }

    /// <summary>The organisation asked, at the simulator.</summary>
    protected abstract OrganisationEndpoint Organisation { get; }

    /// <summary>A patient the organisation holds, with problems, allergies (or none known) and medications.</summary>
    protected abstract string Asked { get; }

    /// <summary>A patient of the simulated world whose records are held elsewhere (another organisation, or another supplier).</summary>
    protected abstract string HeldElsewhere { get; }

    /// <summary>
    /// A demo patient whose record, put behind this supplier's protocol, carries a condition whose native code has no
    /// SNOMED CT equivalent (an unmapped CTV3 or EMIS local code, a Read v2 code whose only target is narrower).
    /// </summary>
    protected abstract string WithUnmappedCode { get; }

    /// <summary>The issue code prefix of the adapter's mapping warnings (<see cref="MappingIssues"/>).</summary>
    protected string IssuePrefix => Adapter.SupplierId.ToUpperInvariant();

    public static TheoryData<string> Faults => ContractFault.Names;

    /// <summary>Restricted patients: (the demo patient whose record stands in, the status the refusal carries, resource type).</summary>
    public static TheoryData<string, int, string> Restrictions => new()
    {
        { Dissenting, 403, T.Patient },
        { Dissenting, 403, T.Condition },
        { Dissenting, 403, T.MedicationStatement },
        { Sensitive, 404, T.Patient },
        { Sensitive, 404, T.Condition },
        { Sensitive, 404, T.MedicationStatement },
    };

    public static TheoryData<string> ClinicalTypes => new() { T.Condition, T.AllergyIntolerance, T.MedicationStatement };

    public static TheoryData<string> SearchableTypes => new() { T.Patient, T.Condition, T.AllergyIntolerance, T.MedicationStatement };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Simulator.ClearFaultsAsync(CancellationToken.None);

    /// <summary>
    /// What a fault that only some suppliers' protocols can express does at this supplier: the failure it must give, or
    /// <see langword="null"/> when the supplier cannot be made to do it (the row's own outcome, no effect, applies).
    /// </summary>
    protected virtual SupplierFailureKind? SupplierOnlyFailure(FaultKind kind) => null;

    [Fact]
    public void FaultRows_CoverEveryFaultTheSimulatorsCanInject()
    {
        var covered = ContractFault.All.Select(f => f.Kind).Append(FaultKind.StandInRecord).ToHashSet();

        covered.Should().BeEquivalentTo(Enum.GetValues<FaultKind>(), "every fault a simulator can inject has a row in the adapter contract");
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task SearchAsync_UnderEachSimulatorFault_AnswersAsTheContractSays(string fault)
    {
        var row = ContractFault.Named(fault);
        var baseline = await Adapter.SearchAsync(Organisation, Query(T.Condition, Asked), CancellationToken.None);
        await Simulator.ApplyFaultAsync(row.Spec(Asked), CancellationToken.None);

        var (result, thrown, elapsed) = await TimedAsync(row, token => Adapter.SearchAsync(Organisation, Query(T.Condition, Asked), token));

        switch (OutcomeOf(row))
        {
            case ContractOutcome.Answers:
                thrown.Should().BeNull();
                result!.Matches.Select(m => m.NativeId).Should().Equal(baseline.Matches.Select(m => m.NativeId));
                result.PatientNotHeld.Should().BeFalse();
                break;
            case ContractOutcome.GivesUp:
                ShouldHaveGivenUp(thrown, elapsed);
                break;
            case ContractOutcome.Fails:
                thrown.Should().BeOfType<SupplierException>().Which.Kind.Should().Be(FailureOf(row));
                break;
            case ContractOutcome.NotHeld:
                thrown.Should().BeNull();
                result.Should().BeSameAs(SupplierSearchResult.NotHeld);
                break;
            default:
                thrown.Should().BeNull();
                result!.Matches.Should().BeEmpty();
                result.Included.Should().BeEmpty();
                result.Issues.Should().ContainSingle().Which.Code.Should().Be(PatientMismatch.Code);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task ReadAsync_UnderEachSimulatorFault_AnswersAsTheContractSays(string fault)
    {
        var row = ContractFault.Named(fault);
        var item = (await Adapter.SearchAsync(Organisation, Query(T.Condition, Asked), CancellationToken.None)).Matches.Should().NotBeEmpty().And.Subject.First();
        await Simulator.ApplyFaultAsync(row.Spec(Asked), CancellationToken.None);

        var (read, thrown, elapsed) = await TimedAsync(row, token => Adapter.ReadAsync(Organisation, T.Condition, item.NativeId, token));

        switch (OutcomeOf(row))
        {
            case ContractOutcome.Answers:
                thrown.Should().BeNull();
                read!.Resource!.NativeId.Should().Be(item.NativeId);
                break;
            case ContractOutcome.GivesUp:
                ShouldHaveGivenUp(thrown, elapsed);
                break;
            case ContractOutcome.Fails:
                thrown.Should().BeOfType<SupplierException>().Which.Kind.Should().Be(FailureOf(row));
                break;
            case ContractOutcome.NotHeld:
                thrown.Should().BeNull();
                read!.Resource.Should().BeNull();
                read.Issues.Should().BeEmpty();
                break;
            default:
                thrown.Should().BeNull();
                read!.Resource.Should().BeNull();
                read.AskedAbout.Should().Be(PatientSelector.ForNativeId(Asked));
                read.RecordNhsNumber.Should().NotBeNull().And.NotBe(Asked);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task HoldsPatientAsync_UnderEachSimulatorFault_AnswersAsTheContractSays(string fault)
    {
        var row = ContractFault.Named(fault);
        (await Adapter.HoldsPatientAsync(Organisation, Nhs(Asked), CancellationToken.None)).Should().BeTrue("the organisation holds the patient before the fault");
        await Simulator.ApplyFaultAsync(row.Spec(Asked), CancellationToken.None);

        var (held, thrown, elapsed) = await TimedAsync(row, token => Adapter.HoldsPatientAsync(Organisation, Nhs(Asked), token));

        switch (OutcomeOf(row))
        {
            case ContractOutcome.Answers:
                thrown.Should().BeNull();
                held.Should().BeTrue();
                break;
            case ContractOutcome.GivesUp:
                ShouldHaveGivenUp(thrown, elapsed);
                break;
            case ContractOutcome.Fails:
                thrown.Should().BeOfType<SupplierException>().Which.Kind.Should().Be(FailureOf(row));
                break;
            case ContractOutcome.NotHeld:
                thrown.Should().BeNull();
                held.Should().BeFalse();
                break;
            default:
                // "Do you hold?" is about the organisation, not the record's content: the mismatch shows once the record is fetched.
                thrown.Should().BeNull();
                break;
        }
    }

    [Theory]
    [MemberData(nameof(SearchableTypes))]
    public async Task SearchAsync_PatientHeldElsewhere_IsNotHeldHere(string resourceType)
    {
        var result = await Adapter.SearchAsync(Organisation, Query(resourceType, HeldElsewhere), CancellationToken.None);

        result.Should().BeSameAs(SupplierSearchResult.NotHeld);
    }

    [Fact]
    public async Task HoldsPatientAsync_PatientHeldElsewhere_IsFalse()
    {
        var held = await Adapter.HoldsPatientAsync(Organisation, Nhs(HeldElsewhere), CancellationToken.None);

        held.Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Restrictions))]
    public async Task SearchAsync_AskedPatientIsRestricted_RefusesTheWholeRecord(string standIn, int status, string resourceType)
    {
        await Simulator.ApplyFaultAsync(FaultSpec.StandIn(Asked, standIn), CancellationToken.None);

        var search = () => Adapter.SearchAsync(Organisation, Query(resourceType, Asked), CancellationToken.None);

        (await search.Should().ThrowAsync<PatientRestrictedException>()).Which.StatusCode.Should().Be(status);
    }

    [Theory]
    [MemberData(nameof(Restrictions))]
    public async Task ReadAsync_AskedPatientIsRestricted_RefusesTheWholeRecord(string standIn, int status, string resourceType)
    {
        var nativeId = resourceType == T.Patient
            ? Asked
            : (await Adapter.SearchAsync(Organisation, Query(resourceType, Asked), CancellationToken.None)).Matches.Should().NotBeEmpty().And.Subject.First().NativeId;
        await Simulator.ApplyFaultAsync(FaultSpec.StandIn(Asked, standIn), CancellationToken.None);

        var read = () => Adapter.ReadAsync(Organisation, resourceType, nativeId, CancellationToken.None);

        (await read.Should().ThrowAsync<PatientRestrictedException>()).Which.StatusCode.Should().Be(status);
    }

    [Theory]
    [InlineData(T.Condition)]
    [InlineData(T.MedicationStatement)]
    public async Task SearchAsync_ConfidentialItems_LeavesThemOutWithOneConfidentialItemsWarning(string resourceType)
    {
        await Simulator.ApplyFaultAsync(FaultSpec.StandIn(Asked, WithConfidentialItems), CancellationToken.None);

        var result = await Adapter.SearchAsync(Organisation, Query(resourceType, Asked, include: true), CancellationToken.None);

        // The demo record holds one confidential and one shareable entry of each of these types.
        result.Matches.Should().ContainSingle();
        result.Issues.Should().ContainSingle().Which.Should().Be(ConfidentialItems.Warning(Adapter, Organisation));
        result.Issues.Single().Detail!.Code.Should().Be(SpineErrorCodes.ConfidentialItems);
        var released = string.Join("\n", result.Matches.Concat(result.Included).Select(r => TestFhir.SerializeJson(r.Resource)));
        released.Should().NotContainAny(["hlamydia", "Azithromycin", "Treated; partner notified"]);
    }

    /// <summary>
    /// A confidential item asked for by its id (kept from before it was marked, or guessed) is not released either. The
    /// medication is the case every supplier can show when revealed (the confidential problem's concept has no Read v2
    /// code, so Vision and Microtest could not map it even then); every record list reads by id through the same
    /// <c>SupplierAdapterBase</c> filter.
    /// </summary>
    [Fact]
    public async Task ReadAsync_ConfidentialItemById_IsNotFoundLikeAnIdNeverIssued()
    {
        // The ids the supplier gives the record's items, learnt with its confidential items sent as shareable...
        await Simulator.ApplyFaultAsync(FaultSpec.StandIn(Asked, WithConfidentialItems, revealConfidential: true), CancellationToken.None);
        var everyItem = await Adapter.SearchAsync(Organisation, Query(T.MedicationStatement, Asked), CancellationToken.None);
        await Simulator.ClearFaultsAsync(CancellationToken.None);
        await Simulator.ApplyFaultAsync(FaultSpec.StandIn(Asked, WithConfidentialItems), CancellationToken.None);
        var shareable = await Adapter.SearchAsync(Organisation, Query(T.MedicationStatement, Asked), CancellationToken.None);
        var confidentialId = everyItem.Matches.Select(m => m.NativeId).Except(shareable.Matches.Select(m => m.NativeId)).Should().ContainSingle().Subject;

        // ...then asked for by id, as a caller who kept or guessed the id would.
        var confidential = await Adapter.ReadAsync(Organisation, T.MedicationStatement, confidentialId, CancellationToken.None);
        var shared = await Adapter.ReadAsync(Organisation, T.MedicationStatement, shareable.Matches.Single().NativeId, CancellationToken.None);

        confidential.Resource.Should().BeNull("an item the practice marked confidential is not released by id either");
        shared.Resource.Should().NotBeNull("the shareable item beside it is read by the same kind of id");
    }

    [Fact]
    public async Task SearchAsync_BrokenMedications_KeepsWhatCanBeShownAndWarnsForEachItem()
    {
        await Simulator.ApplyFaultAsync(FaultSpec.StandIn(Asked, WithBrokenData), CancellationToken.None);

        var result = await Adapter.SearchAsync(Organisation, Query(T.MedicationStatement, Asked, include: true), CancellationToken.None);

        // Four medications: no drug code and a non-dm+d drug code are kept by name; an impossible start date cannot be
        // placed in time and is left out; the sound one is kept.
        result.Matches.Should().HaveCount(3);
        result.Included.Should().HaveCount(3);
        result.Issues.Where(i => i.Code == IssuePrefix + MappingIssues.DegradedSuffix).Should().HaveCount(2)
            .And.OnlyContain(i => i.Severity == IssueSeverity.Warning && i.Message.Contains("by name only", StringComparison.Ordinal) && i.Message.Contains(Organisation.OdsCode, StringComparison.Ordinal));
        result.Issues.Where(i => i.Code == IssuePrefix + MappingIssues.UnmappableSuffix).Should().ContainSingle()
            .Which.Message.Should().Contain("start date").And.Contain(Organisation.OdsCode);
        var byName = result.Included.Select(m => Json(m)["code"]!).Where(c => c["coding"] is null).ToList();
        byName.Should().HaveCount(2).And.OnlyContain(c => !string.IsNullOrWhiteSpace(c["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SearchAsync_ResolvedAllergies_StayResolvedBesideTheActiveOne()
    {
        await Simulator.ApplyFaultAsync(FaultSpec.StandIn(Asked, WithResolvedAllergies), CancellationToken.None);

        var result = await Adapter.SearchAsync(Organisation, Query(T.AllergyIntolerance, Asked), CancellationToken.None);

        var statuses = result.Matches.Select(m => Json(m)["clinicalStatus"]!["coding"]![0]!["code"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        statuses.Should().Equal(["active", "resolved", "resolved"], "a resolved allergy is never shown as active, nor an active one as resolved");
        result.Issues.Should().BeEmpty();
    }

    [Fact]
    public async Task SearchAsync_EveryMedicationStatement_KeepsTheSuppliersDoseText()
    {
        var result = await Adapter.SearchAsync(Organisation, Query(T.MedicationStatement, Asked), CancellationToken.None);

        result.Matches.Should().NotBeEmpty();
        result.Matches.Select(Json).Should().OnlyContain(
            s => s["dosage"]!.AsArray().Count == 1 && !string.IsNullOrWhiteSpace(s["dosage"]![0]!["text"]!.GetValue<string>()),
            "the prescriber's free-text dose is the instruction the patient follows");
    }

    [Theory]
    [MemberData(nameof(SearchableTypes))]
    public async Task SearchAsync_EveryResource_SaysWhereAndWhenItWasRetrieved(string resourceType)
    {
        var before = TimeProvider.System.GetUtcNow().AddMilliseconds(-1);

        var result = await Adapter.SearchAsync(Organisation, Query(resourceType, Asked, include: true), CancellationToken.None);

        var after = TimeProvider.System.GetUtcNow().AddMilliseconds(1);
        var resources = result.Matches.Concat(result.Included).Select(Json).ToList();
        resources.Should().NotBeEmpty();
        foreach (var resource in resources)
        {
            resource["meta"]!["source"]!.GetValue<string>().Should().Be(ResourceSource.For(Adapter.SupplierId, Organisation.OdsCode));
            resource["meta"]!["profile"]!.AsArray().Should().ContainSingle();
            RetrievalTime.Of(resource).Should().NotBeNull().And.BeOnOrAfter(before).And.BeOnOrBefore(after);
        }
    }

    [Theory]
    [MemberData(nameof(ClinicalTypes))]
    public async Task SearchAsync_EveryCodedEntry_KeepsTheSuppliersTextAndNeverLosesACodeSilently(string resourceType)
    {
        var result = await Adapter.SearchAsync(Organisation, Query(resourceType, Asked, include: true), CancellationToken.None);

        var concepts = CodesOf(resourceType, result);
        concepts.Should().NotBeEmpty();
        ShouldKeepTextAndWarnWhereNotSnomed(concepts, result);
    }

    [Fact]
    public async Task SearchAsync_ConditionWhoseCodeHasNoSnomedEquivalent_IsKeptWithItsCodingTextAndAWarning()
    {
        await Simulator.ApplyFaultAsync(FaultSpec.StandIn(Asked, WithUnmappedCode), CancellationToken.None);

        var result = await Adapter.SearchAsync(Organisation, Query(T.Condition, Asked), CancellationToken.None);

        var concepts = CodesOf(T.Condition, result);
        concepts.Where(c => !Codings(c).Exists(x => x.System == FhirSystems.Snomed)).Should().NotBeEmpty("the record was chosen to carry such a code");
        ShouldKeepTextAndWarnWhereNotSnomed(concepts, result);
        result.Issues.Where(i => i.Code == IssuePrefix + MappingIssues.UnmappedCodeSuffix)
            .Should().OnlyContain(i => i.Severity == IssueSeverity.Warning && i.Message.Contains(Organisation.OdsCode, StringComparison.Ordinal));
    }

    /// <summary>A search of <paramref name="resourceType"/> about one patient, by NHS number, as the gateway sends it.</summary>
    protected static SupplierQuery Query(string resourceType, string nhsNumber, bool include = false) =>
        new(
            new SearchRequest
            {
                ResourceType = resourceType,
                Includes = include && resourceType == T.MedicationStatement ? [T.MedicationStatementMedicationInclude] : [],
            },
            new PatientSelector(Nhs(nhsNumber), null));

    protected static NhsNumber Nhs(string value) =>
        NhsNumber.TryParse(value, out var parsed) ? parsed : throw new ArgumentException("Not a valid NHS number.", nameof(value));

    private static JsonNode Json(SupplierResource resource) => JsonNode.Parse(TestFhir.SerializeJson(resource.Resource))!;

    /// <summary>The coded concept of each entry: the code of a Condition or AllergyIntolerance, the Medication's code for a MedicationStatement.</summary>
    private static List<JsonNode> CodesOf(string resourceType, SupplierSearchResult result) =>
        resourceType == T.MedicationStatement
            ? [.. result.Included.Select(m => Json(m)["code"]!)]
            : [.. result.Matches.Select(m => Json(m)["code"]!)];

    private static List<(string System, string Code)> Codings(JsonNode concept) =>
        concept["coding"]?.AsArray().Select(c => (c!["system"]!.GetValue<string>(), c["code"]!.GetValue<string>())).ToList() ?? [];

    /// <summary>Every concept keeps the supplier's term; one coded only in a native system (not SNOMED CT, not dm+d) is named by an UNMAPPED-CODE warning.</summary>
    private void ShouldKeepTextAndWarnWhereNotSnomed(List<JsonNode> concepts, SupplierSearchResult result)
    {
        foreach (var concept in concepts)
        {
            concept["text"]?.GetValue<string>().Should().NotBeNullOrWhiteSpace("the supplier's own term is kept beside any code");
            var codings = Codings(concept);
            if (codings.Count > 0 && codings.TrueForAll(c => c.System != FhirSystems.Snomed && c.System != FhirSystems.Dmd))
            {
                result.Issues.Should().Contain(
                    i => i.Code == IssuePrefix + MappingIssues.UnmappedCodeSuffix && i.Message.Contains("'" + codings[0].Code + "'", StringComparison.Ordinal),
                    "a native code with no SNOMED CT equivalent is kept, with a warning");
            }
        }
    }

    private static void ShouldHaveGivenUp(Exception? thrown, TimeSpan elapsed)
    {
        thrown.Should().NotBeNull("a call the supplier never answers must end when the caller's deadline does");
        (thrown is OperationCanceledException || thrown is SupplierException { Kind: SupplierFailureKind.Timeout })
            .Should().BeTrue($"giving up is a cancellation or a timeout, not {thrown!.GetType().Name}");
        elapsed.Should().BeLessThan(Deadline + Margin, "the adapter must not wait the fault out");
    }

    /// <summary>Runs the call with the caller's deadline: <see cref="Deadline"/> for the rows that must give up, else <see cref="Patience"/>.</summary>
    private async Task<(TResult? Result, Exception? Thrown, TimeSpan Elapsed)> TimedAsync<TResult>(ContractFault row, Func<CancellationToken, Task<TResult>> call)
    {
        using var deadline = new CancellationTokenSource(OutcomeOf(row) == ContractOutcome.GivesUp ? Deadline : Patience);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var result = await call(deadline.Token);
            return (result, null, stopwatch.Elapsed);
        }
        catch (Exception exception) when (exception is SupplierException or OperationCanceledException)
        {
            return (default, exception, stopwatch.Elapsed);
        }
    }

    private ContractOutcome OutcomeOf(ContractFault row) =>
        row.Kind is FaultKind.Hl7Nak or FaultKind.TokenRejected && SupplierOnlyFailure(row.Kind) is not null ? ContractOutcome.Fails : row.Outcome;

    private SupplierFailureKind FailureOf(ContractFault row) =>
        row.Failure ?? SupplierOnlyFailure(row.Kind) ?? throw new InvalidOperationException($"Row {row.Name} names no failure kind.");
}
