namespace Orderly.Hosting;

/// <summary>Limits every request is held to.</summary>
public static class ServerLimits
{
    /// <summary>1 MiB: large enough for a 1,000-row bulk upsert, small enough to refuse abuse early.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;
}
