using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Shared.Persistence;

/// <summary>
/// One module's DbContext as the host sees it: the host migrates each of them and checks
/// readiness through them, without knowing the module's types.
/// </summary>
public sealed record ModuleDatabase(string Module, Type ContextType, Func<IServiceProvider, DbContext> CreateContext);
