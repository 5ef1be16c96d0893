using FhirFacade.Audit.Tests.Support;
using FhirFacade.Core.Audit;
using FhirFacade.TestKit.Audit;

namespace FhirFacade.Audit.Tests.Chain;

[Trait("Category", "Unit")]
public sealed class InMemoryAuditTrailTests
{
    [Fact]
    public async Task AppendAsync_SeveralRecords_BuildsAChainTheVerifierAccepts()
    {
        var sut = new InMemoryAuditTrail();
        for (var n = 1; n <= 5; n++)
        {
            await sut.AppendAsync(AuditTestRecords.Create(n), CancellationToken.None);
        }

        var result = await AuditChainVerifier.VerifyAsync(sut, CancellationToken.None);
        var found = await sut.SearchAsync(new AuditQuery { CorrelationId = "corr-000003" }, CancellationToken.None);

        result.IsValid.Should().BeTrue();
        result.Count.Should().Be(5);
        found.Should().ContainSingle().Which.Sequence.Should().Be(3);
    }

    [Fact]
    public async Task AppendAsync_WhenSetUnavailable_ThrowsAuditUnavailable()
    {
        var sut = new InMemoryAuditTrail { IsAvailable = false };

        var append = async () => await sut.AppendAsync(AuditTestRecords.Create(1), CancellationToken.None);

        await append.Should().ThrowAsync<AuditUnavailableException>();
        sut.Entries.Should().BeEmpty();
    }
}
