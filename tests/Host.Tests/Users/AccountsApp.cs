using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Email;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// <see cref="UsersApp"/> with mail written to a temporary pickup directory and the outbox worker
/// off: tests deliver with <see cref="DeliverMailAsync"/> and read the <c>.eml</c> files.
/// </summary>
internal sealed partial class AccountsApp : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://certifytrack.example.edu";

    private AccountsApp(UsersApp users, string mailDirectory)
    {
        Users = users;
        MailDirectory = mailDirectory;
    }

    public UsersApp Users { get; }

    public string MailDirectory { get; }

    public static async Task<AccountsApp> StartAsync(
        string provider, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var mail = Path.Combine(Path.GetTempPath(), $"certifytrack-mail-{Guid.NewGuid():N}");
        var all = new Dictionary<string, string?>
        {
            ["Email:PickupDirectory"] = mail,
            ["Email:Outbox:RunWorker"] = "false",
            ["PublicBaseUrl"] = PublicBaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new AccountsApp(await UsersApp.StartAsync(provider, settings: all, configureServices: configureServices), mail);
    }

    public Task<JsonObject> QueryAsync(string query, string? token = null, object? variables = null) =>
        Users.QueryAsync(query, token, variables);

    public Task<int> DeliverMailAsync() =>
        Users.App.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(TestContext.Current.CancellationToken);

    /// <summary>Every delivered message, in outbox order (the Message-Id is <c>outbox-{id}@certifytrack</c>).</summary>
    public IReadOnlyList<MimeMessage> Mailbox() =>
        Directory.Exists(MailDirectory)
            ? [.. Directory.GetFiles(MailDirectory, "*.eml").Select(f => MimeMessage.Load(f))
                .OrderBy(OutboxId)]
            : [];

    private static long OutboxId(MimeMessage message)
    {
        var id = message.MessageId ?? "";
        return long.Parse(id["outbox-".Length..id.IndexOf('@', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }

    /// <summary>Delivers the outbox and returns the token of the one new link to <paramref name="path"/> sent to <paramref name="to"/>.</summary>
    public async Task<string> LinkTokenAsync(string to, string path)
    {
        await DeliverMailAsync();
        var message = Mailbox().Last(m => m.To.Mailboxes.Any(a => a.Address == to));
        var match = Regex.Match(message.HtmlBody ?? "", $"{Regex.Escape(PublicBaseUrl)}/{path}\\?token=([A-Za-z0-9_-]+)");
        Assert.True(match.Success, message.HtmlBody);
        return match.Groups[1].Value;
    }

    public Task<JsonObject> RegisterAsync(string username, string email, string usn, string password = "Secret#2026") =>
        QueryAsync(
            "mutation($input: RegisterStudentInput!) { registerStudent(input: $input) { userErrors { code field message } } }",
            variables: new
            {
                input = new
                {
                    username, email, password, usn, firstName = "Asha", lastName = "Rao", department = "CSE", semester = 3, admissionType = "REGULAR",
                },
            });

    public async ValueTask DisposeAsync()
    {
        await Users.DisposeAsync();
        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
    }
}

internal static class UserErrorsExtensions
{
    public static string[] UserErrorCodes(this JsonObject body, string field) =>
        [.. body["data"]![field]!["userErrors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>())];
}
