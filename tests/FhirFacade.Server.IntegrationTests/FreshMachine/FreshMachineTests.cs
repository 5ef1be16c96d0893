using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FhirFacade.Server.IntegrationTests.FreshMachine;

/// <summary>
/// Issue #18 item 5: the build output, copied to a folder outside the checkout, starts there with the FHIR
/// package folder given by configuration and serves the demo record; with a package missing it stops with one
/// message naming the package, the folders searched and how to get it. Bounded: each start waits at most 120 s.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FreshMachineTests(CopiedServerBuild build) : IClassFixture<CopiedServerBuild>
{
    private const string Nhs = "https://fhir.nhs.uk/Id/nhs-number|";
    private const string EmisRich = "9990000018";
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task CopiedBuild_StartedOutsideTheCheckoutWithConfiguredPackages_ServesTheDemoRecord()
    {
        File.Exists(Path.Combine(build.AppFolder, "profiles", "package.json")).Should().BeTrue("the build copies profiles/ beside the binaries");
        using var timeout = new CancellationTokenSource(StartBound + TimeSpan.FromSeconds(60));
        var port = CopiedServerBuild.FreePort();
        using var process = build.Start(port, new Dictionary<string, string> { ["Facade:Fhir:PackageFolders:0"] = CopiedServerBuild.SharedPackagesFolder });
        var output = Collect(process);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilReadyAsync(client, process, output, timeout.Token);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, timeout.Token));

            using var patient = await client.GetAsync($"/fhir/Patient?identifier={Nhs}{EmisRich}", timeout.Token);
            using var medications = await client.GetAsync($"/fhir/MedicationStatement?patient.identifier={Nhs}{EmisRich}", timeout.Token);

            patient.StatusCode.Should().Be(HttpStatusCode.OK, await patient.Content.ReadAsStringAsync(timeout.Token));
            using var patientBundle = JsonDocument.Parse(await patient.Content.ReadAsStringAsync(timeout.Token));
            var patients = patientBundle.RootElement.GetProperty("entry").EnumerateArray()
                .Select(e => e.GetProperty("resource")).Where(r => r.GetProperty("resourceType").GetString() == "Patient").ToList();
            patients.Should().ContainSingle();
            patients[0].GetProperty("identifier").EnumerateArray().Select(i => i.GetProperty("value").GetString()).Should().Contain(EmisRich);

            medications.StatusCode.Should().Be(HttpStatusCode.OK);
            using var medicationBundle = JsonDocument.Parse(await medications.Content.ReadAsStringAsync(timeout.Token));
            medicationBundle.RootElement.GetProperty("entry").EnumerateArray()
                .Count(e => e.GetProperty("resource").GetProperty("resourceType").GetString() == "MedicationStatement")
                .Should().BePositive("the rich EMIS demo patient has medications");

            var printed = string.Join(Environment.NewLine, output);
            printed.Should().Contain("Demo patients:").And.Contain(EmisRich).And.Contain($"http://127.0.0.1:{port}/dev-auth/token")
                .And.Contain($"http://127.0.0.1:{port}/viewer/");
        }
        finally
        {
            Stop(process);
        }
    }

    [Fact]
    public async Task CopiedBuild_PackageMissing_ExitsWithOneMessageNamingThePackageTheFoldersAndTheRemedy()
    {
        var empty = Directory.CreateDirectory(Path.Combine(build.Root, "empty-packages-" + Guid.NewGuid().ToString("N"))).FullName;
        using var timeout = new CancellationTokenSource(StartBound);
        using var process = build.Start(CopiedServerBuild.FreePort(), new Dictionary<string, string> { ["Facade:Fhir:PackageFolders:0"] = empty });
        var output = Collect(process);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            process.WaitForExit();
        }
        finally
        {
            Stop(process);
        }

        var text = string.Join(Environment.NewLine, output);
        process.ExitCode.Should().Be(1, text);
        text.Should().Contain("FhirFacade cannot start: FHIR package hl7.fhir.r4.core version 4.0.1 was not found")
            .And.Contain(empty)
            .And.Contain(Path.Combine(".fhir", "packages") + " (does not exist)")
            .And.Contain("fhirfacade packages install")
            .And.Contain("Facade:Fhir:PackageFolders");
        text.Should().NotContain("   at ", "a missing package is a message, not a stack trace");
    }

    private static ConcurrentQueue<string> Collect(Process process)
    {
        var lines = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) => Keep(lines, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(lines, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return lines;
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null && lines.Count < 500)
        {
            lines.Enqueue(line);
        }
    }

    private static async Task WaitUntilReadyAsync(HttpClient client, Process process, ConcurrentQueue<string> output, CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetUtcNow() + StartBound;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the copied server exited with {process.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
            }

            try
            {
                using var response = await client.GetAsync("/fhir/metadata", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"the copied server was not ready within {StartBound}:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
    }

    private static async Task<string> TokenAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-client",
            ["client_secret"] = "demo-secret",
            ["scope"] = "user/*.rs",
        });
        using var response = await client.PostAsync("/dev-auth/token", form, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }
}
