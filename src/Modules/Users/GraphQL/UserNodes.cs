using System.Globalization;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users.GraphQL;

/// <summary>
/// How <c>node(id:)</c> finds the Users module's objects: users and profiles for signed-in
/// callers, audit entries for admins; nothing for anyone else.
/// </summary>
internal static class UserNodes
{
    public static IServiceCollection AddUserNodes(this IServiceCollection services) => services
        .AddSingleton(new NodeRegistration("User", (context, keys) => LoadAsync(context, keys, admin: false, db => db.Users.Select(UserLoaders.ToUserNode), n => n.Id)))
        .AddSingleton(new NodeRegistration("Student", (context, keys) => LoadAsync(context, keys, admin: false, db => db.Students.Select(UserLoaders.ToStudentNode), n => n.Id)))
        .AddSingleton(new NodeRegistration("Mentor", (context, keys) => LoadAsync(context, keys, admin: false, db => db.Mentors.Select(UserLoaders.ToMentorNode), n => n.Id)))
        .AddSingleton(new NodeRegistration("AuditLogEntry", (context, keys) => LoadAsync(context, keys, admin: true, db => db.AuditLog, n => n.Id)));

    private static async Task<IReadOnlyDictionary<string, object>> LoadAsync<T>(
        IResolveFieldContext context,
        IReadOnlyList<string> keys,
        bool admin,
        Func<UsersDbContext, IQueryable<T>> source,
        System.Linq.Expressions.Expression<Func<T, long>> key)
        where T : class
    {
        var user = context.User;
        var cancellationToken = context.CancellationToken;
        if (Caller.UserId(user) is null || (admin && !Caller.IsAdmin(user)))
        {
            return new Dictionary<string, object>();
        }

        var ids = keys.Select(k => long.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .OfType<long>().Distinct().ToList();
        await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(cancellationToken);
        var keyOf = key.Compile();
        var parameter = key.Parameters[0];
        var contains = System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
            System.Linq.Expressions.Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(long)],
                System.Linq.Expressions.Expression.Constant(ids), key.Body),
            parameter);
        var rows = await source(db).Where(contains).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => keyOf(r).ToString(CultureInfo.InvariantCulture), r => (object)r);
    }
}
