using System.Globalization;
using CertifyTrack.Modules.Users.Auth;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Users.Admin.Status;

/// <summary>
/// <c>unlockUser</c>, admins only: ends every lockout of the user, from whatever network, and resets
/// the failed sign-in counters (<see cref="LoginAttempts"/>).
/// </summary>
internal static class UnlockUser
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Mutation<UnlockUserInputType, UnlockUserPayloadType>("unlockUser")
            .Description("Ends a lockout and resets the failed sign-in counter (admins only).")
            .AuthorizeWithRoles(Roles.Admin)
            .Resolve<UnlockUserInput, UserStatusPayload>((context, input) =>
            {
                var id = NodeTypes.ParseKey(input.UserId, "User", "userId");
                return UserStatus.ChangeAsync(context, id, endSessions: false, async (db, user) =>
                {
                    var counters = await LoginAttempts.ClearAsync(db, user.NormalizedUsername, context.CancellationToken);
                    return new AuditEntry("user.unlocked", "User", id.ToString(CultureInfo.InvariantCulture))
                    {
                        NewValues = new { lockoutCountersCleared = counters },
                    };
                });
            });
}

internal sealed record UnlockUserInput(string UserId);

internal sealed class UnlockUserInputType : InputObjectGraphType<UnlockUserInput>
{
    public UnlockUserInputType() => Field<NonNullGraphType<IdGraphType>>("userId");
}

internal sealed class UnlockUserPayloadType : PayloadGraphType<UserStatusPayload>
{
    public UnlockUserPayloadType() => Field<UserType>("user").Resolve(c => c.Source.User);
}
