using Microsoft.Playwright;

namespace FhirFacade.Viewer.Tests;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by <c>.ci/run</c>) driven headless by
/// Playwright: never a browser download. A missing browser fails every browser test with a message
/// saying how to install it; it is never a silent skip.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>Without the background-networking flags Chromium keeps calling out to a network this machine does not have.</summary>
    public static readonly IReadOnlyList<string> Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>The browser to drive: <c>FHIRFACADE_CHROMIUM</c> when set, else Debian's.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("FHIRFACADE_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ExecutablePath}. The browser tests drive Debian's chromium and never download one: " +
                "run 'apt-get install chromium' (.ci/run does), or set FHIRFACADE_CHROMIUM to a Chromium binary.");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
            Timeout = 60_000,
        });
    }
}
