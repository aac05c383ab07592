using System.Globalization;
using System.Security.Cryptography;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Accounts.Input;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// On the first start (no admin yet) creates the pre-verified admin: username from
/// <c>CERTIFYTRACK_ADMIN_USERNAME</c> (default <c>admin</c>), password from
/// <c>CERTIFYTRACK_ADMIN_PASSWORD</c>, else generated and printed once to the console. It is the
/// one account exempt from email verification (<see cref="User.IsSuperuser"/>). The username follows
/// the rules of every username (<see cref="Usernames"/>); a refused one creates no admin and is logged.
/// </summary>
internal sealed class AdminBootstrap(IDbContextFactory<UsersDbContext> contexts, IConfiguration configuration, TimeProvider time, IAuditLog audit)
{
    public async Task<bool> EnsureAdminAsync(TextWriter console, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.UserType == UserKind.Admin, cancellationToken))
        {
            return false;
        }

        var username = Usernames.Canonical(configuration["CERTIFYTRACK_ADMIN_USERNAME"] is { Length: > 0 } name ? name : "admin");
        if (!Usernames.IsValid(username))
        {
            // The same rule as every other account: no look-alike of another name as the administrator.
            throw new InvalidOperationException($"CERTIFYTRACK_ADMIN_USERNAME is refused: {Usernames.Rule}");
        }

        var configured = configuration["CERTIFYTRACK_ADMIN_PASSWORD"];
        var password = string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetString(
            "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20) : configured;

        var user = new User
        {
            FirstName = "Administrator",
            UserType = UserKind.Admin,
            IsEmailVerified = true,
            IsStaff = true,
            IsSuperuser = true,
            DateJoined = time.GetUtcNow().UtcDateTime,
        };
        user.SetUsername(username);
        user.SetEmail(configuration["CERTIFYTRACK_ADMIN_EMAIL"] is { Length: > 0 } email ? email : $"{username}@localhost");
        user.Password = await PasswordHashing.HashAsync(user, password, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return false; // another instance created it at the same moment
        }

        await audit.RecordAsync(db, new AuditEntry("user.bootstrap_admin", "User", user.Id.ToString(CultureInfo.InvariantCulture))
        {
            ActorId = user.Id,
            NewValues = new { user.Username, userType = "admin" },
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (string.IsNullOrEmpty(configured))
        {
            await console.WriteLineAsync($"Created the administrator '{username}' with the password: {password}\nIt is shown only this once; change it after signing in.");
        }

        return true;
    }
}
