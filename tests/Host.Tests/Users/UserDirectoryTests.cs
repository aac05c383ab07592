using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>Users' read contract, as another module calls it: batched, one answer per known id.</summary>
public sealed class UserDirectoryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_student_is_told_with_their_profile_and_their_mentor(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var college = await College.SeedAsync(app);
        using var scope = app.App.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<IUserDirectory>();
        var ct = TestContext.Current.CancellationToken;

        var byUser = await directory.ByUserIdsAsync([college.S1User, college.M1User, college.S4User, 999_999], ct);
        var byStudent = await directory.ByStudentIdsAsync([college.S3, college.S1], ct);
        var byMentor = await directory.ByMentorIdsAsync([college.M2, 999_999], ct);

        Assert.Equal([college.S1User, college.M1User, college.S4User], byUser.Keys);
        Assert.Equal(
            (UserKind.Student, true, college.S1, (long?)null, (long?)college.M1, (long?)college.M1User),
            (byUser[college.S1User].Kind, byUser[college.S1User].IsActive, byUser[college.S1User].StudentId, byUser[college.S1User].MentorId,
                byUser[college.S1User].StudentMentorId, byUser[college.S1User].StudentMentorUserId));
        Assert.Equal((UserKind.Mentor, (long?)college.M1, (long?)null), (byUser[college.M1User].Kind, byUser[college.M1User].MentorId, byUser[college.M1User].StudentId));
        Assert.Null(byUser[college.S4User].StudentMentorId);
        Assert.Equal([college.S1, college.S3], byStudent.Keys.Order());
        Assert.Equal(college.S3User, byStudent[college.S3].UserId);
        Assert.Equal(college.M2User, Assert.Single(byMentor).Value.UserId);
        Assert.False(string.IsNullOrEmpty(byUser[college.M1User].FullName));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Many_ids_are_one_statement_and_a_repeated_question_none(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var college = await College.SeedAsync(app);
        await using var probe = await app.CreateDbContextAsync();
        var connection = probe.Database.GetDbConnection();
        using var scope = app.App.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<IUserDirectory>();
        var ct = TestContext.Current.CancellationToken;

        using var commands = new CommandCounter(connection.DataSource, connection.Database);
        var all = await directory.ByUserIdsAsync(college.AllUsers, ct);
        var again = await directory.ByUserIdsAsync([college.S2User, college.Admin], ct);

        Assert.Equal(college.AllUsers.Length, all.Count);
        Assert.Single(commands.Commands);   // the repeated question is answered from the request's cache
        Assert.Equal(2, again.Count);
    }
}
