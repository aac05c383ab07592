namespace CertifyTrack.Shared.Demo;

/// <summary>
/// Thrown by an <see cref="IDemoSeeder"/> that cannot seed under this configuration (a demo value the
/// configured formats refuse or a real account already holds, a weak demo password). The message is
/// shown as it is, without a stack trace; the seeder has written nothing.
/// </summary>
public sealed class DemoSeedingException : Exception
{
    public DemoSeedingException()
    {
    }

    public DemoSeedingException(string message)
        : base(message)
    {
    }

    public DemoSeedingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
