using System.Globalization;
using System.Text.RegularExpressions;
using CertifyTrack.Modules.Users.Email;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// A temporary pickup directory for a host whose outbox worker is off (<see cref="Settings"/>):
/// <see cref="DeliverAsync"/> runs the real dispatcher, and the delivered <c>.eml</c> files are read back.
/// </summary>
internal sealed class TestMailbox : IDisposable
{
    public const string PublicBaseUrl = "https://certifytrack.example.edu";

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"certifytrack-mail-{Guid.NewGuid():N}");

    /// <summary>The host settings that send mail here and leave delivery to the test.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Email:PickupDirectory"] = Directory,
        ["Email:Outbox:RunWorker"] = "false",
        ["PublicBaseUrl"] = PublicBaseUrl,
    };

    public static Task<int> DeliverAsync(IServiceProvider services) =>
        services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(TestContext.Current.CancellationToken);

    /// <summary>Every delivered message, in outbox order (the Message-Id is <c>outbox-{id}@certifytrack</c>).</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        System.IO.Directory.Exists(Directory)
            ? [.. System.IO.Directory.GetFiles(Directory, "*.eml").Select(f => MimeMessage.Load(f)).OrderBy(OutboxId)]
            : [];

    /// <summary>Delivers the outbox and returns the token of the newest link to <paramref name="path"/> sent to <paramref name="to"/>.</summary>
    public async Task<string> LinkTokenAsync(IServiceProvider services, string to, string path)
    {
        await DeliverAsync(services);
        var message = Messages().Last(m => m.To.Mailboxes.Any(a => a.Address == to));
        return TokenIn(message, path);
    }

    /// <summary>The token of the link to <paramref name="path"/> in <paramref name="message"/>.</summary>
    public static string TokenIn(MimeMessage message, string path)
    {
        var match = Regex.Match(message.HtmlBody ?? "", $"{Regex.Escape(PublicBaseUrl)}/{path}\\?token=([A-Za-z0-9_-]+)");
        Assert.True(match.Success, message.HtmlBody);
        return match.Groups[1].Value;
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private static long OutboxId(MimeMessage message)
    {
        var id = message.MessageId ?? "";
        return long.Parse(id["outbox-".Length..id.IndexOf('@', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }
}
