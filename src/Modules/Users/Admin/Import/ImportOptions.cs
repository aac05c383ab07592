namespace CertifyTrack.Modules.Users.Admin.Import;

/// <summary><c>Users:Import:*</c>: the limits of <c>importUsers</c>.</summary>
internal sealed class ImportOptions
{
    public const string Section = "Users:Import";

    /// <summary>
    /// How long one <c>importUsers</c> may run: longer than <c>GraphQL:Limits:ExecutionTimeout</c>
    /// (15 s), because 10,000 rows with their profiles, tokens and emails take seconds to tens of
    /// seconds on a busy SQLite host (benchmarks/README.md).
    /// </summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
