using System.Globalization;

namespace CertifyTrack.Shared.GraphQL.Scalars;

/// <summary>
/// <c>LocalTime</c>: a time of day in the institution's local time; <see cref="TimeOnly"/> in C#, mapped
/// for every record and filter. Accepts <c>HH:mm</c> and <c>HH:mm:ss</c>, answers <c>HH:mm</c> (the
/// contract: minutes are the finest unit a timetable needs; seconds sent are kept, not shown).
/// </summary>
public sealed class LocalTimeGraphType() : FormattedScalarGraphType<TimeOnly>(
    "LocalTime",
    "A time of day, HH:mm (24-hour), in the institution's local time; HH:mm:ss is accepted as input.",
    "Expected a time of day as HH:mm (or HH:mm:ss), 24-hour, e.g. 09:30.")
{
    public const string Pattern = "HH:mm";

    private static readonly string[] InputPatterns = ["HH:mm", "HH:mm:ss"];

    protected override bool TryParse(string text, out TimeOnly value) =>
        TimeOnly.TryParseExact(text, InputPatterns, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    protected override string Format(TimeOnly value) => value.ToString(Pattern, CultureInfo.InvariantCulture);
}
