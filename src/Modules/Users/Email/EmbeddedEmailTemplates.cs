using CertifyTrack.Shared.Email;

namespace CertifyTrack.Modules.Users.Email;

/// <summary>
/// The Users module's templates: <c>Email/Templates/{name}.scriban</c>, embedded. The first line is
/// <c>Subject: …</c>; the rest, after a blank line, is the HTML body.
/// </summary>
internal static class EmbeddedEmailTemplates
{
    public static IEnumerable<EmailTemplate> Load()
    {
        var assembly = typeof(EmbeddedEmailTemplates).Assembly;
        const string Suffix = ".scriban";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(Suffix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var first = reader.ReadLine() ?? "";
            if (!first.StartsWith("Subject:", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Email template {resource} must start with 'Subject:'.");
            }

            var withoutSuffix = resource[..^Suffix.Length];
            var name = withoutSuffix[(withoutSuffix.LastIndexOf('.') + 1)..];
            yield return new EmailTemplate(name, first["Subject:".Length..].Trim(), reader.ReadToEnd().TrimStart());
        }
    }
}
