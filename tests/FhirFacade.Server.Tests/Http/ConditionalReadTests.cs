using FhirFacade.Server.Http;
using Microsoft.AspNetCore.Http;

namespace FhirFacade.Server.Tests.Http;

[Trait("Category", "Unit")]
public sealed class ConditionalReadTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Modified = new(2026, 12, 7, 11, 0, 0, 250, TimeSpan.Zero);

    public static TheoryData<string, bool> IfNoneMatch => new()
    {
        { "W/\"7\"", true },
        { "\"7\"", true },
        { "*", true },
        { "W/\"6\", W/\"7\"", true },
        { "W/\"6\"", false },
        { "W/\"77\"", false },
        { "7", false },
        { "", false },
    };

    [Theory]
    [MemberData(nameof(IfNoneMatch))]
    public void IsNotModified_IfNoneMatch_MatchesWeaklyOrAny(string header, bool expected)
    {
        var request = Request(("If-None-Match", header));

        var result = ConditionalRead.IsNotModified(request, "7", Modified, Now);

        result.Should().Be(expected, header);
    }

    public static TheoryData<string, bool> IfModifiedSince => new()
    {
        { "Mon, 07 Dec 2026 11:00:00 GMT", true },
        { "Mon, 07 Dec 2026 11:30:00 GMT", true },
        { "Mon, 07 Dec 2026 10:59:59 GMT", false },
        { "Mon, 07 Dec 2026 13:00:00 GMT", false },
        { "yesterday", false },
    };

    [Theory]
    [MemberData(nameof(IfModifiedSince))]
    public void IsNotModified_IfModifiedSince_ComparesWholeSecondsAndIgnoresFutureOrUnreadableDates(string header, bool expected)
    {
        var request = Request(("If-Modified-Since", header));

        var result = ConditionalRead.IsNotModified(request, "7", Modified, Now);

        result.Should().Be(expected, header);
    }

    [Fact]
    public void IsNotModified_IfNoneMatchPresent_IgnoresIfModifiedSince()
    {
        var request = Request(("If-None-Match", "W/\"6\""), ("If-Modified-Since", "Mon, 07 Dec 2026 11:30:00 GMT"));

        var result = ConditionalRead.IsNotModified(request, "7", Modified, Now);

        result.Should().BeFalse();
    }

    [Fact]
    public void IsNotModified_NoModificationTime_IgnoresIfModifiedSince()
    {
        var request = Request(("If-Modified-Since", "Mon, 07 Dec 2026 11:30:00 GMT"));

        var result = ConditionalRead.IsNotModified(request, "7", lastModified: null, Now);

        result.Should().BeFalse();
    }

    private static HttpRequest Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }
}
