using CertifyTrack.Shared.GraphQL.Types;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Events.Attendance;

/// <summary>Attendance's services and root fields (listed once in <see cref="EventsModule"/> and <see cref="EventsGraphQLModule"/>).</summary>
internal static class AttendanceRegistration
{
    public static IServiceCollection AddEventAttendance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AttendanceOptions>().Bind(configuration.GetSection(AttendanceOptions.Section))
            .Validate(o => o.WindowAfterCompletion >= TimeSpan.Zero && o.WrongCheckInCodes > 0 && o.WrongCheckInCodeWindow > TimeSpan.Zero,
                "Events:Attendance needs a non-negative window and a positive wrong-code budget.");
        services.AddSingleton<WrongCheckInCodes>();
        services.AddGraphTypeMapping<AttendanceEntryInput, InputType<AttendanceEntryInput>>();
        return services;
    }

    public static void DeclareMutations(ObjectGraphType mutation)
    {
        MarkAttendance.Declare(mutation);
        CheckIn.Declare(mutation);
    }
}
