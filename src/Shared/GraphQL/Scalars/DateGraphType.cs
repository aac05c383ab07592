using System.Globalization;

namespace CertifyTrack.Shared.GraphQL.Scalars;

/// <summary>
/// <c>Date</c>: a calendar date, <c>yyyy-MM-dd</c>, in the institution's local time (the contract's header);
/// <see cref="DateOnly"/> in C#, mapped for every record and filter.
/// </summary>
public sealed class DateGraphType() : FormattedScalarGraphType<DateOnly>(
    "Date",
    "A calendar date, yyyy-MM-dd, in the institution's local time.",
    "Expected a date as yyyy-MM-dd, e.g. 2026-06-01.")
{
    public const string Pattern = "yyyy-MM-dd";

    protected override bool TryParse(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    protected override string Format(DateOnly value) => value.ToString(Pattern, CultureInfo.InvariantCulture);
}
