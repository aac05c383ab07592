using MimeKit;

namespace CertifyTrack.Modules.Users.Email;

/// <summary>Hands one message to its transport (SMTP or the pickup directory). Throws when it fails.</summary>
internal interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
