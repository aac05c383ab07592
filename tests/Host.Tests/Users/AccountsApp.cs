using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// <see cref="UsersApp"/> with mail written to a <see cref="TestMailbox"/> and the outbox worker
/// off: tests deliver with <see cref="DeliverMailAsync"/> and read the <c>.eml</c> files.
/// </summary>
internal sealed class AccountsApp : IAsyncDisposable
{
    public const string PublicBaseUrl = TestMailbox.PublicBaseUrl;

    private readonly TestMailbox mail;

    private AccountsApp(UsersApp users, TestMailbox mail)
    {
        Users = users;
        this.mail = mail;
    }

    public UsersApp Users { get; }

    public static async Task<AccountsApp> StartAsync(
        string provider, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var mail = new TestMailbox();
        var all = mail.Settings;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new AccountsApp(await UsersApp.StartAsync(provider, settings: all, configureServices: configureServices), mail);
    }

    public Task<JsonObject> QueryAsync(string query, string? token = null, object? variables = null) =>
        Users.QueryAsync(query, token, variables);

    public Task<int> DeliverMailAsync() => TestMailbox.DeliverAsync(Users.App.Services);

    /// <summary>Every delivered message, in outbox order.</summary>
    public IReadOnlyList<MimeMessage> Mailbox() => mail.Messages();

    /// <summary>Delivers the outbox and returns the token of the one new link to <paramref name="path"/> sent to <paramref name="to"/>.</summary>
    public Task<string> LinkTokenAsync(string to, string path) => mail.LinkTokenAsync(Users.App.Services, to, path);

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
        mail.Dispose();
    }
}
