using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users.GraphQL;

/// <summary>Small helpers the Users mutations share.</summary>
internal static class CommandContext
{
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull => context.RequestServices!.GetRequiredService<T>();

    public static Task<UsersDbContext> UsersDbAsync(this IResolveFieldContext context) =>
        context.Service<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(context.CancellationToken);

    /// <summary>The signed-in caller's user id (the field is marked <c>Authorize</c>, so there is one).</summary>
    public static long CallerId(this IResolveFieldContext context) =>
        Caller.UserId(context.User) ?? throw new UserErrorException("UNAUTHENTICATED", "Sign in first.");

    /// <summary>Throws the collected errors, if any.</summary>
    public static void ThrowIfAny(this List<UserError> errors)
    {
        if (errors.Count > 0)
        {
            throw new UserErrorException(errors);
        }
    }
}
