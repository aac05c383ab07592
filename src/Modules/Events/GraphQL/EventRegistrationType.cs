using CertifyTrack.Modules.Events.Domain;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.DataLoaders;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using QRCoder;

namespace CertifyTrack.Modules.Events.GraphQL;

/// <summary>
/// <c>EventRegistration</c>: one student's registration for one event. The check-in code and its QR
/// image are the student's own: null for everyone else, organizers and admins included.
/// </summary>
internal sealed class EventRegistrationType : ObjectGraphType<EventRegistration>
{
    private static readonly ServiceBatchLoader<long, string> Names = new(
        async (services, ids, ct) => (await services.GetRequiredService<IUserDirectory>().ByUserIdsAsync([.. ids], ct))
            .ToDictionary(p => p.Key, p => p.Value.FullName),
        missing: "");

    public EventRegistrationType()
    {
        Name = EventRegistration.TypeName;
        this.Authorize();
        this.NodeId(r => r.Id).AllowAnonymous();
        Field<NonNullGraphType<EventType>>("event").Resolve(c => EventNodes.Events.Load(c, c.Source.EventId));
        Field<StudentType>("student").Description("Null where Users' policy hides the student from the caller.")
            .Resolve(c => UserNodeLoaders.Students.Load(c, c.Source.StudentId));
        Field<NonNullGraphType<StringGraphType>>("studentName").Description("The student's full name.")
            .Resolve(c => Names.Load(c, c.Source.UserId));
        Field<NonNullGraphType<RegistrationStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<DateTimeGraphType>>("registrationDate").Resolve(c => DateTime.SpecifyKind(c.Source.RegistrationDate, DateTimeKind.Utc));
        Field<IntGraphType>("waitlistPosition").Description("1 for the next to be promoted; null unless WAITLISTED.")
            .Resolve(RegistrationLoaders.WaitlistPosition);
        Field<StringGraphType>("checkInCode").Description("The code an organizer scans at the door: the student's own only.")
            .Resolve(c => Own(c) ? c.Source.CheckInCode : null);
        Field<StringGraphType>("checkInQrSvg").Description("The check-in code as a QR image (SVG): the student's own only.")
            .Resolve(c => Own(c) ? QrSvg(c.Source.CheckInCode) : null);
    }

    private static bool Own(IResolveFieldContext<EventRegistration> context) => Caller.Of(context.User).UserId == context.Source.UserId;

    private static string QrSvg(string code)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(code, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
