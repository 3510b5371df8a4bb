using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orderly.Warehouse;

/// <summary>
/// Standard Webhooks signatures: HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{body}" with
/// the secret (base64 after "whsec_"), sent as "v1,{base64}" in webhook-signature; several
/// space-separated signatures may be sent during secret rotation. A timestamp more than five
/// minutes from now is refused, so a captured request cannot be replayed later.
/// </summary>
public static class WebhookSignature
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        using var hmac = new HMACSHA256(Key(secret));
        var content = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(hmac.ComputeHash(content));
    }

    /// <summary>Null when the request is authentic and fresh; otherwise why not.</summary>
    public static string? Check(string secret, string? id, string? timestamp, string? signatures, string body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
            return "The webhook-id, webhook-timestamp and webhook-signature headers are required.";
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return "webhook-timestamp is not a Unix time in seconds.";
        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if ((now - sent).Duration() > Tolerance)
            return $"webhook-timestamp is {(now - sent).TotalMinutes:0} minutes from now; more than {Tolerance.TotalMinutes:0} is refused as a possible replay.";
        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, seconds, body));
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected))
                return null;
        return "The signature does not match the body and the carrier's secret.";
    }

    private static byte[] Key(string secret) =>
        Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);
}
