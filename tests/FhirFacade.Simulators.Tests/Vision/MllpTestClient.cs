using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FhirFacade.Simulators.Tests.Vision;

/// <summary>A minimal MLLP client for the tests (one persistent connection).</summary>
internal sealed class MllpTestClient : IDisposable
{
    private readonly TcpClient _client = new();

    public static async Task<MllpTestClient> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        var client = new MllpTestClient();
        await client._client.ConnectAsync(endPoint, cancellationToken);
        return client;
    }

    public static string Query(string nhs, string accessKey = "vision-dev-key", string queryName = "VRQ^Vision Record Query^L", string areas = "", string controlId = "MSG0001") =>
        $"MSH|^~\\&|FHIRFACADE|FACADE|VISION|C83001|20261001120000|{accessKey}|QBP^Q11^QBP_Q11|{controlId}|P|2.5\r" +
        $"QPD|{queryName}|Q-{controlId}|{nhs}^^^NHS^NH|{areas}\r" +
        "RCP|I\r";

    public async Task<string?> SendAsync(string message, CancellationToken cancellationToken)
    {
        var stream = _client.GetStream();
        var body = Encoding.UTF8.GetBytes(message);
        await stream.WriteAsync(new byte[] { 0x0B }.Concat(body).Concat(new byte[] { 0x1C, 0x0D }).ToArray(), cancellationToken);
        var buffer = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            var read = await stream.ReadAsync(one, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            buffer.Add(one[0]);
            if (buffer.Count >= 2 && buffer[^2] == 0x1C && buffer[^1] == 0x0D)
            {
                buffer[0].Should().Be(0x0B);
                return Encoding.UTF8.GetString(buffer.ToArray(), 1, buffer.Count - 3);
            }
        }
    }

    public static IReadOnlyList<string[]> Segments(string message) =>
        message.Split('\r', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('|')).ToList();

    public void Dispose() => _client.Dispose();
}
