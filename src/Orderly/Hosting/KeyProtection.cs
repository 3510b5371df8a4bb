using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Orderly.Data;

namespace Orderly.Hosting;

/// <summary>
/// Encrypts the data-protection keys (which sign the sign-in cookies and antiforgery tokens) before
/// they are stored in Orderly's database, with the certificate in <c>Orderly:KeyProtection</c>: whoever
/// reads the table or a backup of it then still needs the certificate's private key to forge a cookie.
/// Without one the keys are stored as they are, as before. Older certificates listed under
/// <c>Previous</c> still open the keys they encrypted, so a certificate can be replaced without signing
/// everyone out (docs/security.md#keys).
/// </summary>
public static class KeyProtection
{
    public const string Section = "Orderly:KeyProtection";

    /// <summary>Reads the certificates named in <paramref name="configuration"/>; a file that cannot be used stops the start with a message naming the setting.</summary>
    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var current = Load(section);
        var previous = section.GetSection("Previous").GetChildren().Select(p => Load(p)
            ?? throw new ArgumentException($"{p.Path}:Certificate is not set: each previous key-protection certificate names its file.")).ToArray();
        if (current is null)
        {
            if (previous.Length > 0) throw new ArgumentException($"{Section}:Previous is set without {Section}:Certificate, the certificate that encrypts new keys.");
            return builder;
        }
        builder.ProtectKeysWithCertificate(current);
        // The current certificate also decrypts (ProtectKeysWithCertificate registers it); the
        // previous ones open the keys encrypted before it replaced them.
        return previous.Length > 0 ? builder.UnprotectKeysWithAnyCertificate([current, .. previous]) : builder;
    }

    /// <summary>
    /// Refuses to serve without a certificate a database whose keys are encrypted: such a server could
    /// not open them, would make an unencrypted key of its own, and every node, reading it, would sign
    /// cookies with that key from then on.
    /// </summary>
    public static async Task EnsureKeysCanBeOpenedAsync(OrderlyDbContext db, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (configuration.GetSection(Section)["Certificate"] is { Length: > 0 }) return;
        if (await db.DataProtectionKeys.AnyAsync(k => k.Xml!.Contains("<encryptedSecret"), cancellationToken))
            throw new ArgumentException($"The sign-in keys in this database are encrypted to a certificate, and this server was given none: " +
                $"set {Section}:Certificate and {Section}:CertificatePassword to the certificate the other servers use (docs/security.md#encrypting-the-keys).");
    }

    private static X509Certificate2? Load(IConfigurationSection section)
    {
        var setting = $"{section.Path}:Certificate";
        if (section["Certificate"] is not { Length: > 0 } path) return null;
        if (!File.Exists(path)) throw new ArgumentException($"{setting} '{path}' does not exist.");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["CertificatePassword"]);
        }
        catch (CryptographicException exception)
        {
            // The message never repeats the password.
            throw new ArgumentException($"{setting} '{path}' cannot be opened as a PKCS #12 (.pfx) file with {section.Path}:CertificatePassword: {exception.Message}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{setting} '{path}' cannot be read: {exception.Message}");
        }
        using var privateKey = certificate.GetRSAPrivateKey();
        if (privateKey is null)
        {
            certificate.Dispose();
            throw new ArgumentException($"{setting} '{path}' holds no RSA private key, which decrypting the keys needs.");
        }
        return certificate;
    }
}
