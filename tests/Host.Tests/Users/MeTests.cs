using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Profiles;

namespace CertifyTrack.Host.Tests.Users;

/// <summary><c>me</c> and the field-level rule on <c>User.email</c>.</summary>
public sealed class MeTests
{
    private const string Me = "{ me { id username email userType student { usn user { username } } } }";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Me_is_null_anonymously_and_the_user_when_signed_in(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var id = await app.AddUserAsync("Asha");
        await using (var db = await app.CreateDbContextAsync())
        {
            var student = new Student { UserId = id, Department = "CSE", Semester = 3 };
            student.SetUsn("1ab21cs001");
            db.Students.Add(student);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // Anonymously only me's id may be selected (the other User fields need a sign-in), and me is null.
        var anonymous = await app.QueryAsync("{ me { id } }");
        Assert.Equal("""{"data":{"me":null}}""", anonymous.ToJson());

        var signedIn = await app.QueryAsync(Me, TestAuthenticationHandler.Token($"{id}", "student"));
        Assert.Empty(signedIn.ErrorCodes());
        var me = signedIn.Data("me");
        Assert.Equal("Asha", me["username"]!.GetValue<string>());
        Assert.Equal("Asha@example.edu", me["email"]!.GetValue<string>());
        Assert.Equal("STUDENT", me["userType"]!.GetValue<string>());
        Assert.Equal("1AB21CS001", me["student"]!["usn"]!.GetValue<string>());
        Assert.Equal("Asha", me["student"]!["user"]!["username"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_student_never_reads_another_users_email(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var other = await app.AddUserAsync("Other", UserKind.Mentor);
        var nodeQuery = $$"""{ node(id: "{{CertifyTrack.Shared.GraphQL.Relay.GlobalId.Encode("User", other)}}") { ... on User { username email } } }""";

        // Not their mentor: the user is not loaded at all (NodeAuthorizationTests), so neither name nor email.
        var student = await app.QueryAsync(nodeQuery, TestAuthenticationHandler.Token("999", "student"));
        Assert.Equal("""{"data":{"node":null}}""", student.ToJson());

        var admin = await app.QueryAsync(nodeQuery, TestAuthenticationHandler.Token("1", "admin"));
        Assert.Equal("Other@example.edu", admin.Data("node")["email"]!.GetValue<string>());
    }
}
