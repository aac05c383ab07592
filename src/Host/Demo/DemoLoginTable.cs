using CertifyTrack.Shared.Demo;

namespace CertifyTrack.Host.Demo;

/// <summary>
/// Prints what a <c>--seed-demo</c> run did: the seeders' notes, then the logins it created as an
/// aligned table (username, role, password, who). The passwords are stored only hashed, so this
/// is the one time they are shown.
/// </summary>
internal static class DemoLoginTable
{
    private static readonly string[] Headings = ["username", "role", "password", "who"];

    public static async Task WriteAsync(TextWriter console, DemoSeeding seeding)
    {
        foreach (var note in seeding.Notes)
        {
            await console.WriteLineAsync($"Demo: {note}");
        }

        if (seeding.Logins.Count == 0)
        {
            if (seeding.Notes.Count == 0)
            {
                await console.WriteLineAsync("Demo: no module created demo accounts.");
            }

            return;
        }

        var rows = seeding.Logins.Select(l => new[] { l.Username, l.Role, l.Password, l.About }).ToList();
        var widths = Enumerable.Range(0, Headings.Length)
            .Select(c => rows.Select(r => r[c].Length).Append(Headings[c].Length).Max()).ToArray();
        await console.WriteLineAsync($"Demo: created {rows.Count} demo accounts. Their passwords are shown only this once:");
        await console.WriteLineAsync();
        await console.WriteLineAsync(Line(Headings, widths));
        await console.WriteLineAsync(Line([.. widths.Select(w => new string('-', w))], widths));
        foreach (var row in rows)
        {
            await console.WriteLineAsync(Line(row, widths));
        }

        await console.WriteLineAsync();
        await console.WriteLineAsync("Sign in with GraphiQL's Sign in button at /graphql (or, in Development, with the password grant; see README).");
    }

    /// <summary>The cells padded to their column's width, the last one not (no trailing blanks).</summary>
    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, c) => c < cells.Length - 1 ? cell.PadRight(widths[c]) : cell));
}
