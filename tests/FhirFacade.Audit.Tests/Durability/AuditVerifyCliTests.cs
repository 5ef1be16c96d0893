using FhirFacade.Audit.Tests.Support;

namespace FhirFacade.Audit.Tests.Durability;

/// <summary><c>fhirfacade audit verify</c> against real stores, run as the operator would.</summary>
[Trait("Category", "Integration")]
[Collection(AuditStoreCollection.Name)]
public sealed class AuditVerifyCliTests(PostgresFixture postgres)
{
    public static TheoryData<AuditStoreKind> Kinds => AuditStoreHarness.Kinds();

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Verify_IntactChain_PrintsOkWithCountAndExitsZero(AuditStoreKind kind)
    {
        await using var harness = await CreateWithRecordsAsync(kind, 7);

        var (exitCode, output) = await CliProcess.RunAsync(["audit", "verify", .. StoreArguments(harness)]);

        exitCode.Should().Be(0, output);
        output.Should().StartWith("OK: 7 record(s), chain head ");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Verify_TamperedRow_PrintsTheFirstBreakAndExitsOne(AuditStoreKind kind)
    {
        await using var harness = await CreateWithRecordsAsync(kind, 7);
        await harness.ExecuteSqlAsync("UPDATE audit_event SET resource_count = 100 WHERE seq = 4");

        var (exitCode, output) = await CliProcess.RunAsync(["audit", "verify", .. StoreArguments(harness)]);

        exitCode.Should().Be(1, output);
        output.Should().StartWith("BROKEN at sequence 4 (AlteredRow)").And.Contain("3 record(s) verified before the break");
    }

    [Fact]
    public async Task Verify_MissingSqliteFile_ExitsTwoWithoutCreatingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "ffaudit-missing-" + Guid.NewGuid().ToString("N")[..12] + ".db");

        var (exitCode, output) = await CliProcess.RunAsync("audit", "verify", "--sqlite", path);

        exitCode.Should().Be(2, output);
        File.Exists(path).Should().BeFalse();
    }

    private async Task<AuditStoreHarness> CreateWithRecordsAsync(AuditStoreKind kind, int count)
    {
        var harness = await AuditStoreHarness.CreateAsync(kind, postgres);
        var store = harness.Open();
        for (var n = 1; n <= count; n++)
        {
            await store.AppendAsync(AuditTestRecords.Create(n), CancellationToken.None);
        }

        await store.DisposeAsync();
        return harness;
    }

    private static string[] StoreArguments(AuditStoreHarness harness) => harness.Kind == AuditStoreKind.Sqlite
        ? ["--sqlite", harness.Options.SqlitePath!]
        : ["--postgres", harness.Options.PostgresConnectionString!];
}
