using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Admin.Import;
using CertifyTrack.Modules.Users.Admin.Lists;
using CertifyTrack.Modules.Users.Admin.Mentoring;
using CertifyTrack.Modules.Users.Admin.NewUsers;
using CertifyTrack.Modules.Users.Admin.Profiles;
using CertifyTrack.Modules.Users.Admin.Status;
using CertifyTrack.Modules.Users.Audit;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Notifications;
using CertifyTrack.Modules.Users.Profiles;
using CertifyTrack.Shared.GraphQL.Lists;

namespace CertifyTrack.Modules.Users;

/// <summary>The Users module's part of the schema: every feature, one file each, in the order the schema lists them.</summary>
internal sealed class UsersGraphQLModule : IGraphQLModule
{
    public string Name => UsersModule.Name;

    public void AddQueryFields(ObjectGraphType query)
    {
        query.Field<UserType>("me").Description("The signed-in user; null when anonymous.")
            .Resolve(c => Caller.Of(c.User).UserId is { } id ? UserNodes.Users.Load(c, id) : null)
            .AllowAnonymous();

        query.Connection<AuditLogType, AuditLogEntry>("auditLog").Filter<AuditLogFilter>().Sort<AuditLogSort>()
            .Resolve<UsersDbContext>((context, db) => UserNodes.AuditLog.Visible(context, db), a => a.Id)
            .Description("The audit trail, newest first by default.")
            .AuthorizeWithRoles(Roles.Admin);

        NotificationFields.AddQueryFields(query);
        NotificationPreferences.AddQueryField(query);
        UserList.Declare(query);
        StudentList.Declare(query);
    }

    public void AddMutationFields(ObjectGraphType mutation)
    {
        MarkNotificationsRead.Declare(mutation);
        UpdateNotificationPreferences.Declare(mutation);
        CreateUser.Declare(mutation);
        ImportUsers.Declare(mutation);
        SetUserActive.Declare(mutation);
        UnlockUser.Declare(mutation);
        AssignMentor.Declare(mutation);
        UpdateUserProfile.Declare(mutation);
        RegisterStudent.Declare(mutation);
        VerifyEmail.Declare(mutation);
        ResendVerification.Declare(mutation);
        RequestPasswordReset.Declare(mutation);
        ResetPassword.Declare(mutation);
        SetPassword.Declare(mutation);
        ChangePassword.Declare(mutation);
        UpdateMyProfile.Declare(mutation);
    }

    public void AddSubscriptionFields(ObjectGraphType subscription) => NotificationFields.AddSubscriptionFields(subscription);
}
