namespace CertifyTrack.Shared.Email;

/// <summary>
/// A Scriban email template a module contributes (<c>services.AddSingleton(new EmailTemplate(...))</c>).
/// <see cref="Subject"/> renders as plain text, <see cref="HtmlBody"/> with every value HTML-encoded.
/// </summary>
public sealed record EmailTemplate(string Name, string Subject, string HtmlBody);
