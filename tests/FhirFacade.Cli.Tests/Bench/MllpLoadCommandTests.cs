using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FhirFacade.Cli.Commands.Bench;

namespace FhirFacade.Cli.Tests.Bench;

[Trait("Category", "Integration")]
public sealed class MllpLoadCommandTests
{
    [Fact]
    public async Task Invoke_AgainstALoopbackResponder_CountsEveryAcceptedQueryUpToTheBound()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var responder = RespondAsync(listener, connections: 2, stop.Token);

        var (exit, output) = await RunAsync("bench", "mllp", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--connections", "2", "--warm-up", "1", "--max-requests", "25", "--seconds", "30");
        await stop.CancelAsync();
        var received = await responder;

        exit.Should().Be(0);
        output.Should().StartWith("mllp requests=25 ").And.Contain(" errors=0");
        received.Should().Be(25 + 2, "25 measured queries plus one warm-up query per connection");
    }

    // Answers every framed query with an accepting RSP (MSA|AA) split over two writes, until cancelled.
    private static async Task<int> RespondAsync(TcpListener listener, int connections, CancellationToken cancellationToken)
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            using var client = await listener.AcceptTcpClientAsync(cancellationToken);
            var stream = client.GetStream();
            var buffer = new byte[4096];
            var answered = 0;
            try
            {
                while (true)
                {
                    var read = await stream.ReadAsync(buffer, cancellationToken);
                    if (read == 0)
                    {
                        return answered;
                    }

                    for (var i = 0; i < read; i++)
                    {
                        if (buffer[i] == 0x1C)
                        {
                            var answer = Encoding.UTF8.GetBytes("MSH|^~\\&|VISION|C83002|FHIRFACADE|FACADE|x||RSP^K11^RSP_K11|R|P|2.5\rMSA|AA|B\r");
                            await stream.WriteAsync(new byte[] { 0x0B }.Concat(answer[..10]).ToArray(), cancellationToken);
                            await stream.WriteAsync(answer[10..].Concat(new byte[] { 0x1C, 0x0D }).ToArray(), cancellationToken);
                            answered++;
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                return answered;
            }
        }));
        return counts.Sum();
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
