using CertifyTrack.Modules.Users.Admin;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Audit;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Notifications;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Modules.Users.Profiles;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Lists;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Users;

/// <summary>The Users module's part of the schema.</summary>
internal sealed class UsersGraphQLModule : IGraphQLModule
{
    public string Name => UsersModule.Name;

    public void AddQueryFields(ObjectGraphType query)
    {
        query.Field<UserType>("me").Description("The signed-in user; null when anonymous.")
            .Resolve(c => Caller.UserId(c.User) is { } id ? UserNodes.Users.Load(c, id) : null)
            .AllowAnonymous();

        query.Connection<AuditLogType, AuditLogEntry>("auditLog").Filter<AuditLogFilter>().Sort<AuditLogSort>()
            .Resolve<UsersDbContext>((context, db) => UserNodes.AuditLog.Visible(context, db), a => a.Id)
            .Description("The audit trail, newest first by default.")
            .AuthorizeWithRoles(Roles.Admin);

        NotificationFields.AddQueryFields(query);
        UserAdmin.AddQueryFields(query);
    }

    public void AddMutationFields(ObjectGraphType mutation)
    {
        NotificationFields.AddMutationFields(mutation);
        UserAdmin.AddMutationFields(mutation);
        RegisterStudent.Declare(mutation);
        EmailVerification.Declare(mutation);
        PasswordReset.Declare(mutation);
        SetPassword.Declare(mutation);
        ChangePassword.Declare(mutation);
        UpdateMyProfile.Declare(mutation);
    }

    public void AddSubscriptionFields(ObjectGraphType subscription) => NotificationFields.AddSubscriptionFields(subscription);
}
