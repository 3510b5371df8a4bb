using System.Security.Cryptography;
using System.Text;

namespace Orderly.Application.Security;

/// <summary>
/// The format of API token secrets: <c>oly_</c> and 43 characters of base64url (256 random bits).
/// The prefix lets secret scanners recognise a leaked token.
/// </summary>
public static class ApiTokenSecret
{
    public const string Prefix = "oly_";

    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The part shown in listings: enough to tell tokens apart, too little to use.</summary>
    public static string DisplayPrefix(string secret) => secret[..Math.Min(secret.Length, 10)];
}
