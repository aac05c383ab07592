using System.Globalization;
using CertifyTrack.Modules.Users.Auth;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users.Admin.Status;

/// <summary>
/// <c>setUserActive</c>, admins only: disables or re-enables an account. An admin cannot disable
/// themselves. Disabling revokes every session of the user in the same transaction
/// (<see cref="SessionRevocation"/>); the login rules refuse new ones while the account is disabled.
/// </summary>
internal static class SetUserActive
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Mutation<SetUserActiveInputType, SetUserActivePayloadType>("setUserActive")
            .Description("Disables or re-enables an account (admins only).")
            .AuthorizeWithRoles(Roles.Admin)
            .Resolve<SetUserActiveInput, UserStatusPayload>(async (context, input) =>
            {
                var id = NodeTypes.ParseKey(input.UserId, "User", "userId");
                if (!input.IsActive && Caller.UserId(context.User) == id)
                {
                    throw new UserErrorException("CANNOT_DEACTIVATE_SELF", "You cannot disable your own account.", "input", "userId");
                }

                return await UserStatus.ChangeAsync(context, id, endSessions: !input.IsActive, (_, user) =>
                {
                    var old = user.IsActive;
                    user.IsActive = input.IsActive;
                    return Task.FromResult(old == input.IsActive
                        ? null
                        : new AuditEntry(input.IsActive ? "user.activated" : "user.deactivated", "User", id.ToString(CultureInfo.InvariantCulture))
                        {
                            OldValues = new { isActive = old },
                            NewValues = new { isActive = input.IsActive },
                        });
                });
            });
}

/// <summary>Loads one user, changes it, audits the change (when there was one) and answers the payload.</summary>
internal static class UserStatus
{
    private static readonly Func<Accounts.User, UserNode> ToNode = UserLoaders.ToUserNode.Compile();

    /// <param name="endSessions">Also revoke the user's sessions, even when nothing else changed (an account disabled before revocation existed).</param>
    public static async Task<UserStatusPayload> ChangeAsync(
        IResolveFieldContext context, long id, bool endSessions, Func<UsersDbContext, Accounts.User, Task<AuditEntry?>> change)
    {
        var ct = context.CancellationToken;
        var services = context.RequestServices!;
        await using var db = await services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct)
            ?? throw new UserErrorException("USER_NOT_FOUND", "No user has this id.", "input", "userId");
        if (await change(db, user) is { } entry)
        {
            await db.SaveChangesAsync(ct);
            await services.GetRequiredService<IAuditLog>().RecordAsync(db, entry, ct);
        }

        if (endSessions)
        {
            await SessionRevocation.RevokeAsync(db, services.GetRequiredService<IEventBus>(), id, keep: null, ct);
        }

        await tx.CommitAsync(ct);
        return new UserStatusPayload { User = ToNode(user) };
    }
}

internal sealed record SetUserActiveInput(string UserId, bool IsActive);

internal sealed class UserStatusPayload : Payload
{
    public UserNode? User { get; init; }
}

internal sealed class SetUserActiveInputType : InputObjectGraphType<SetUserActiveInput>
{
    public SetUserActiveInputType()
    {
        Field<NonNullGraphType<IdGraphType>>("userId");
        Field<NonNullGraphType<BooleanGraphType>>("isActive");
    }
}

internal sealed class SetUserActivePayloadType : PayloadGraphType<UserStatusPayload>
{
    public SetUserActivePayloadType() => Field<UserType>("user").Resolve(c => c.Source.User);
}
