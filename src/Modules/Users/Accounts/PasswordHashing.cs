using System.Diagnostics;
using CertifyTrack.Modules.Users.Admin.NewUsers;
using CertifyTrack.Shared.GraphQL;
using Microsoft.AspNetCore.Identity;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// Hashes and checks passwords with ASP.NET Core's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted).
/// Each hash or check keeps a core busy for tens of milliseconds, so at most <see cref="MaxConcurrency"/>
/// run at once in the process, whatever asks (registration, password changes, sign-in): callers beyond
/// that wait, with their request's cancellation, instead of taking every core and thread-pool thread
/// from the rest of the API. Inside GraphQL only a root field declaring
/// <see cref="ExpensiveWork.PasswordHashing"/> may hash (<see cref="ExpensiveFields.EnsureDeclared"/>).
/// Each hash or check is a <c>password.hash</c> / <c>password.verify</c> span of the
/// <see cref="ActivitySourceName"/> source, started once the work may run: traces show the costly
/// step, and tests see that (and how many at once) a path spends it.
/// </summary>
internal static class PasswordHashing
{
    public const string ActivitySourceName = "CertifyTrack.Users";

    // Declared before Gate: static initializers run in text order.

    /// <summary>Hashes or checks running at once: one per processor, so the CPU is used and never oversubscribed by them.</summary>
    public static int MaxConcurrency { get; } = Math.Max(1, Environment.ProcessorCount);

    private static readonly SemaphoreSlim Gate = new(MaxConcurrency, MaxConcurrency);

    private static readonly ActivitySource Source = new(ActivitySourceName);

    private static readonly PasswordHasher<User> Hasher = new();

    /// <summary>A hash of a random password, checked against when the user is unknown so that both take as long.</summary>
    private static readonly string DummyHash = Hasher.HashPassword(new User(), Guid.NewGuid().ToString());

    public static Task<string> HashAsync(User user, string password, CancellationToken cancellationToken) =>
        RunAsync("password.hash", () => Hasher.HashPassword(user, password), cancellationToken);

    /// <summary>
    /// Whether the password matches; rehashes in place when the stored hash is outdated. A user
    /// without a usable password (<see cref="UnusablePassword"/>: invited, not yet set) matches
    /// nothing, after the same work as a real check.
    /// </summary>
    public static async Task<bool> VerifyAsync(User user, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!UnusablePassword.IsUsable(user.Password))
        {
            await VerifyNobodyAsync(password, cancellationToken);
            return false;
        }

        var result = await RunAsync("password.verify", () => Hasher.VerifyHashedPassword(user, user.Password, password), cancellationToken);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.Password = await HashAsync(user, password, cancellationToken);
        }

        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>Spends the time of a check for an unknown user.</summary>
    public static Task VerifyNobodyAsync(string password, CancellationToken cancellationToken) =>
        RunAsync("password.verify", () => Hasher.VerifyHashedPassword(new User(), DummyHash, password), cancellationToken);

    private static async Task<T> RunAsync<T>(string operation, Func<T> work, CancellationToken cancellationToken)
    {
        ExpensiveFields.EnsureDeclared(ExpensiveWork.PasswordHashing);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            using var activity = Source.StartActivity(operation);
            return work();
        }
        finally
        {
            Gate.Release();
        }
    }
}
