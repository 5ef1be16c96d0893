using System.CommandLine;
using FhirFacade.Audit;
using FhirFacade.Cli.Commands.Bench;
using FhirFacade.Core.Audit;

namespace FhirFacade.Cli.Tests.Bench;

[Trait("Category", "Integration")]
public sealed class AuditThroughputCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fhirfacade-bench-").FullName;

    public static TheoryData<string?, int[]> ProducerLists => new()
    {
        { "1,16,64,256", [1, 16, 64, 256] },
        { " 4 , 8 ", [4, 8] },
        { "0,4", [] },
        { "4,x", [] },
        { "2000", [] },
        { null, [] },
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(ProducerLists))]
    public void ParseCounts_Text_ReturnsTheCountsOrEmptyWhenAnyIsInvalid(string? text, int[] expected)
    {
        var counts = AuditThroughputCommand.ParseCounts(text);

        counts.Should().Equal(expected);
    }

    [Fact]
    public async Task Invoke_WithSqliteAndACountBound_AppendsEveryCountedRecordIntoAnIntactChain()
    {
        var path = Path.Combine(_folder, "audit.db");

        var (exit, output) = await RunAsync("bench", "audit", "--sqlite", path, "--producers", "1,4", "--seconds", "30", "--max-appends", "40");

        exit.Should().Be(0);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        rows.Should().HaveCount(5);
        rows[0].Should().Be(AuditThroughputCommand.Header);
        rows.Skip(1).Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..3]).Should().BeEquivalentTo(
            new[] { new[] { "none", "1", "40" }, ["none", "4", "40"], ["sqlite", "1", "40"], ["sqlite", "4", "40"] },
            o => o.WithStrictOrdering());
        await using var store = AuditStores.Create(new AuditOptions { SqlitePath = path }, TimeProvider.System);
        var verification = await AuditChainVerifier.VerifyAsync(store, CancellationToken.None);
        verification.Break.Should().BeNull();
        verification.Count.Should().Be(256 + 40 + 40, "the warm-up appends 256 records, then each producer count its 40");
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var root = new RootCommand { BenchCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        return (exit, output.ToString() + error);
    }
}
