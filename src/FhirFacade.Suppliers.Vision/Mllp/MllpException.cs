namespace FhirFacade.Suppliers.Vision.Mllp;

/// <summary>
/// A frame that breaks the MLLP envelope; the connection it came from can no longer be trusted.
/// Public as part of the MLLP transport (<see cref="MllpConnection"/>).
/// </summary>
public sealed class MllpException : Exception
{
    public MllpException(MllpError error, string message)
        : base(message)
    {
        Error = error;
    }

    public MllpException()
        : this(MllpError.Garbage, "Not an MLLP frame.")
    {
    }

    public MllpException(string message)
        : this(MllpError.Garbage, message)
    {
    }

    public MllpException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = MllpError.Garbage;
    }

    public MllpError Error { get; }
}
