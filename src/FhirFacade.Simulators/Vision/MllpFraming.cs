using System.Text;

namespace FhirFacade.Simulators.Vision;

/// <summary>MLLP framing: 0x0B, the message, 0x1C 0x0D.</summary>
internal static class MllpFraming
{
    public const byte StartBlock = 0x0B;
    public const byte EndBlock = 0x1C;
    public const byte CarriageReturn = 0x0D;
    public const int MaxMessageBytes = 1024 * 1024;

    public static byte[] Frame(string message)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var framed = new byte[body.Length + 3];
        framed[0] = StartBlock;
        body.CopyTo(framed, 1);
        framed[^2] = EndBlock;
        framed[^1] = CarriageReturn;
        return framed;
    }

    /// <summary>Reads one framed message; null at end of stream. Bytes before the start block are ignored.</summary>
    public static async Task<string?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var one = new byte[1];
        var started = false;
        var sawEnd = false;
        while (true)
        {
            var read = await stream.ReadAsync(one, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            var b = one[0];
            if (!started)
            {
                started = b == StartBlock;
                continue;
            }

            if (sawEnd)
            {
                if (b == CarriageReturn)
                {
                    return Encoding.UTF8.GetString(buffer.ToArray());
                }

                buffer.WriteByte(EndBlock);
                sawEnd = false;
            }

            if (b == EndBlock)
            {
                sawEnd = true;
                continue;
            }

            buffer.WriteByte(b);
            if (buffer.Length > MaxMessageBytes)
            {
                throw new InvalidDataException("MLLP message too large");
            }
        }
    }
}
