namespace FhirFacade.Suppliers.Vision.Mllp;

/// <summary>
/// The Minimal Lower Layer Protocol envelope (HL7 v2.5 Appendix C): <c>0x0B</c> message <c>0x1C 0x0D</c>.
/// Public as part of the MLLP transport (<see cref="MllpConnection"/>).
/// </summary>
public static class MllpFraming
{
    /// <summary>Start block (VT).</summary>
    public const byte StartBlock = 0x0B;

    /// <summary>End block (FS).</summary>
    public const byte EndBlock = 0x1C;

    /// <summary>The carriage return that follows the end block.</summary>
    public const byte CarriageReturn = 0x0D;

    /// <summary>Wraps a message in the envelope.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message)
    {
        var framed = new byte[message.Length + 3];
        framed[0] = StartBlock;
        message.CopyTo(framed.AsSpan(1));
        framed[^2] = EndBlock;
        framed[^1] = CarriageReturn;
        return framed;
    }
}
