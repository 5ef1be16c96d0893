namespace FhirFacade.Server.Throttling;

/// <summary>Why a request was shed: the <c>reason</c> tag of <c>fhirfacade.load.shed</c>.</summary>
internal static class ShedReason
{
    /// <summary>Every permit was taken and the queue was full: shed on arrival.</summary>
    public const string QueueFull = "queue_full";

    /// <summary>It waited in the queue for <see cref="LoadSheddingOptions.QueueTimeout"/> without a permit coming free.</summary>
    public const string QueueTimeout = "queue_timeout";
}
