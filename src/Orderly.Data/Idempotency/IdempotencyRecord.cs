namespace Orderly.Data.Idempotency;

/// <summary>
/// The stored answer to a POST sent with an <c>Idempotency-Key</c>: the same caller sending the same
/// key again gets this answer back instead of a second effect. A record without a status is a
/// request still in progress.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }
    public string Caller { get; set; } = "";
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public byte[]? Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
