using System.Collections.Concurrent;
using System.Net.Http.Json;
using FhirFacade.TestKit.Server;
using Microsoft.Playwright;

namespace FhirFacade.Viewer.Tests;

/// <summary>One facade process and one headless Chromium, shared by the browser tests (each test has its own browser context).</summary>
public sealed class ViewerFixture : IAsyncLifetime
{
    /// <summary>Every wait in the browser: generous, because CI shares two cores with other builds.</summary>
    public const float TimeoutMs = 60_000;

    private IPlaywright? _playwright;

    public FacadeProcess Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: the project's default test results directory.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(FacadeProcess.Checkout, "tests", "FhirFacade.Viewer.Tests", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
        Server = await FacadeProcess.StartAsync(ServerOptions(), CancellationToken.None);
    }

    /// <summary>
    /// The demo host (simulators, development issuer, viewer) with these settings, generous supplier budgets (faults
    /// are injected explicitly), and ready once its log has named the simulators (for their fault controls).
    /// </summary>
    public static FacadeProcessOptions ServerOptions(IReadOnlyDictionary<string, string>? settings = null) => new()
    {
        Settings = settings ?? new Dictionary<string, string>(),
        GenerousSupplierBudgets = true,
        ReadyWhen = server => server.HasNamedSimulator("microtest"),
    };

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    /// <summary>A page in a fresh context (no cookies, no session storage), recording what went wrong in the browser.</summary>
    public async Task<BrowserPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(TimeoutMs);
        var page = await context.NewPageAsync();
        var problems = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Enqueue($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Enqueue("page error: " + error);
        page.RequestFailed += (_, request) => problems.Enqueue($"request failed: {request.Method} {request.Url} {request.Failure}");
        return new BrowserPage(context, page, problems);
    }

    /// <summary>
    /// A standalone launch as a person does it: the landing page's viewer link, the development issuer's
    /// picker (the patient chosen by NHS number), Approve, back in the viewer until it has finished.
    /// </summary>
    public async Task LaunchStandaloneAsync(BrowserPage browser, string nhsNumber, string? viewerUrl = null)
    {
        var page = browser.Page;
        if (viewerUrl is null)
        {
            await page.GotoAsync(Server.Root + "/");
            await page.ClickAsync("a#viewer");
        }
        else
        {
            await page.GotoAsync(viewerUrl);
        }

        try
        {
            await page.WaitForURLAsync(url => url.Contains("/dev-auth/authorize", StringComparison.Ordinal));
            await page.GetByLabel(nhsNumber).CheckAsync();
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Approve" }).ClickAsync();
            await page.Locator("body:not([data-state='loading'])").WaitForAsync();
        }
        catch (TimeoutException timeout)
        {
            // Say where the launch stood and what the browser saw (console errors, failed requests), not only that it timed out.
            throw new TimeoutException($"The standalone launch for {nhsNumber} stalled at {page.Url}. {browser.Describe()}", timeout);
        }
    }

    /// <summary>Keeps a full-page screenshot as a test artefact.</summary>
    public static async Task ScreenshotAsync(BrowserPage browser, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await browser.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    /// <summary>Makes an HTTP simulator fail every call about one NHS number (its fault controls); dispose to clear.</summary>
    public async Task<IAsyncDisposable> InjectFaultAsync(string supplier, string nhsNumber, int statusCode)
    {
        var admin = new Uri(Server.Simulator(supplier), "_admin/faults");
        using var client = new HttpClient();
        using var response = await client.PostAsJsonAsync(admin, new { kind = "error-status", nhsNumber, statusCode });
        response.EnsureSuccessStatusCode();
        return new FaultScope(admin);
    }

    private sealed class FaultScope(Uri admin) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            using var client = new HttpClient();
            using var response = await client.DeleteAsync(admin);
            response.EnsureSuccessStatusCode();
        }
    }
}

/// <summary>A page, its context, and what went wrong in it (console errors, failed requests).</summary>
public sealed class BrowserPage(IBrowserContext context, IPage page, ConcurrentQueue<string> problems) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public IReadOnlyCollection<string> Problems => problems;

    /// <summary>For assertion messages: what the browser reported.</summary>
    public string Describe() => problems.IsEmpty ? "(the browser reported nothing)" : string.Join(Environment.NewLine, problems);

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ViewerCollection : ICollectionFixture<ViewerFixture>
{
    public const string Name = "viewer";
}
