namespace FhirFacade.Suppliers.Vision.Mllp;

/// <summary>Why a frame could not be read.</summary>
public enum MllpError
{
    /// <summary>Bytes that are not an MLLP envelope (data before the start block, an end block without CR, a start block inside a frame).</summary>
    Garbage,

    /// <summary>The message is longer than the configured maximum.</summary>
    Oversize,

    /// <summary>The peer closed the connection part-way through a frame.</summary>
    Truncated,
}
