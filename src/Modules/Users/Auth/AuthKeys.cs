using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// The signing and encryption certificates: from configuration (shared by every instance), or in
/// development generated once into the keys directory so that a restart keeps every token valid.
/// </summary>
internal static class AuthKeys
{
    public static X509Certificate2 Load(CertificateOptions configured, string keysDirectory, string name, X509KeyUsageFlags usage)
    {
        if (configured.IsConfigured)
        {
            return X509CertificateLoader.LoadPkcs12FromFile(configured.Path!, configured.Password, X509KeyStorageFlags.EphemeralKeySet);
        }

        Directory.CreateDirectory(keysDirectory);
        var path = Path.Combine(keysDirectory, $"{name}.pfx");
        if (!File.Exists(path))
        {
            // Written under a temporary name and moved: two instances starting together keep one of the two.
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temporary, Generate(name, usage));
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.EphemeralKeySet);
    }

    private static byte[] Generate(string name, X509KeyUsageFlags usage)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=CertifyTrack development {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        // Valid from long ago: OpenIddict checks the validity against the app's TimeProvider, which tests fake.
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(1999, 1, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.UtcNow.AddYears(10));
        return certificate.Export(X509ContentType.Pfx);
    }
}
