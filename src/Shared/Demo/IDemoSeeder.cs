namespace CertifyTrack.Shared.Demo;

/// <summary>
/// One module's part of the demo college that <c>--seed-demo</c> creates. Register one per module
/// (<c>services.AddSingleton&lt;IDemoSeeder, ClubsDemoSeeder&gt;()</c>); the host runs them in module
/// order (the order of the host's module list: Users first), so a later module finds the demo
/// users through the Users contracts. A seeder goes through its module's own rules and writes the
/// audit log. It is idempotent: what already exists is left alone and reported with
/// <see cref="DemoSeeding.Note"/>; a second run creates nothing. It throws
/// <see cref="DemoSeedingException"/> when it cannot seed, writing nothing then.
/// </summary>
public interface IDemoSeeder
{
    /// <summary>The module's name, for messages.</summary>
    string Module { get; }

    Task SeedAsync(DemoSeeding seeding, CancellationToken cancellationToken);
}
