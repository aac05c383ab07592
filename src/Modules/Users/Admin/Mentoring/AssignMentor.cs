using System.Globalization;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.GraphQL.Relay;
using CertifyTrack.Shared.Notifications;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users.Admin.Mentoring;

/// <summary>
/// <c>assignMentor</c>, admins only: gives up to <see cref="MaxStudents"/> students one mentor.
/// Each student whose mentor changes gets a history row (<c>api_mentor_assignment</c>); one audit
/// row lists them. In the same transaction (<see cref="MentorAssignmentNotices"/>) each of those
/// students is told who their mentor is now, and the mentor gets one notification with the count.
/// </summary>
internal static class AssignMentor
{
    public const int MaxStudents = 500;

    public static void Declare(ObjectGraphType mutation) =>
        mutation.Mutation<AssignMentorInputType, AssignMentorPayloadType>("assignMentor")
            .Description($"Makes a mentor the mentor of up to {MaxStudents} students (admins only).")
            .AuthorizeWithRoles(Roles.Admin)
            .Expensive(ExpensiveWork.Email)
            .Resolve<AssignMentorInput, AssignMentorPayload>((context, input) => RunAsync(context, input));

    private static async Task<AssignMentorPayload> RunAsync(IResolveFieldContext context, AssignMentorInput input)
    {
        var ct = context.CancellationToken;
        var services = context.RequestServices!;
        if (input.StudentIds.Count == 0)
        {
            throw new UserErrorException("STUDENTS_REQUIRED", "Name at least one student.", "input", "studentIds");
        }

        if (input.StudentIds.Count > MaxStudents)
        {
            throw new UserErrorException("TOO_MANY_STUDENTS", $"At most {MaxStudents} students per call; {input.StudentIds.Count} were given.", "input", "studentIds");
        }

        var mentorId = NodeTypes.ParseKey(input.MentorId, "Mentor", "mentorId");
        var studentIds = input.StudentIds.Select(id => NodeTypes.ParseKey(id, "Student", "studentIds")).ToList();
        await using var db = await services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var mentor = await db.Mentors.Where(m => m.Id == mentorId).Select(UserLoaders.ToMentorNode).SingleOrDefaultAsync(ct)
            ?? throw new UserErrorException("MENTOR_NOT_FOUND", "No mentor has this id.", "input", "mentorId");
        var distinct = studentIds.Distinct().ToList();
        var students = await db.Students.Where(s => distinct.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var missing = studentIds.Select((id, i) => (id, i)).Where(x => !students.ContainsKey(x.id))
            .Select(x => new UserError("STUDENT_NOT_FOUND", "No student has this id.", ["input", "studentIds", x.i.ToString(CultureInfo.InvariantCulture)]))
            .ToList();
        if (missing.Count > 0)
        {
            throw new UserErrorException(missing);
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var actor = Caller.UserId(context.User);
        var changed = students.Values.Where(s => s.MentorId != mentorId).OrderBy(s => s.Id).ToList();
        db.MentorAssignments.AddRange(changed.Select(s => new MentorAssignment
        {
            StudentId = s.Id, OldMentorId = s.MentorId, NewMentorId = mentorId, AssignedById = actor, AssignedAt = now,
        }));
        changed.ForEach(s => s.MentorId = mentorId);
        await db.SaveChangesAsync(ct);
        await services.GetRequiredService<IAuditLog>().RecordAsync(db, new AuditEntry("mentor.assigned", "Mentor", mentorId.ToString(CultureInfo.InvariantCulture))
        {
            NewValues = new { studentIds = changed.Select(s => s.Id), unchanged = students.Count - changed.Count },
        }, ct);
        if (changed.Count > 0)
        {
            await MentorAssignmentNotices.SendAsync(db, services.GetRequiredService<INotifier>(), mentor.UserId, [.. changed.Select(s => s.UserId)], ct);
        }

        await tx.CommitAsync(ct);
        return new AssignMentorPayload { Mentor = mentor, AssignedCount = changed.Count };
    }
}

internal sealed record AssignMentorInput(string MentorId, IReadOnlyList<string> StudentIds);

internal sealed class AssignMentorPayload : Payload
{
    public MentorNode? Mentor { get; init; }

    public int AssignedCount { get; init; }
}

internal sealed class AssignMentorInputType : InputObjectGraphType<AssignMentorInput>
{
    public AssignMentorInputType()
    {
        Field<NonNullGraphType<IdGraphType>>("mentorId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("studentIds").Description($"At most {AssignMentor.MaxStudents}.")
            .MaxItems(AssignMentor.MaxStudents);
    }
}

internal sealed class AssignMentorPayloadType : PayloadGraphType<AssignMentorPayload>
{
    public AssignMentorPayloadType()
    {
        Field<MentorType>("mentor").Resolve(c => c.Source.Mentor);
        Field<NonNullGraphType<IntGraphType>>("assignedCount").Description("Students whose mentor changed (those who had this mentor already are not counted).")
            .Resolve(c => c.Source.AssignedCount);
    }
}
