using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CertifyTrack.Modules.Users.Email;

/// <summary>
/// Writes each message as an <c>.eml</c> file to <c>Email:PickupDirectory</c> (relative paths
/// from the working directory): any mail client opens them.
/// </summary>
internal sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, TimeProvider time) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var path = Path.Combine(directory, $"{stamp}-{Guid.NewGuid():N}.eml");
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path);   // readers never see a half-written file
    }
}
