using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Shared.Persistence;

public static class ModuleDbContextRegistration
{
    /// <summary>
    /// Registers a module's DbContext as a pooled <see cref="IDbContextFactory{TContext}"/> on the
    /// configured provider. Each provider has its own migrations, kept beside a small derived
    /// context type (<typeparamref name="TSqlite"/>, <typeparamref name="TPostgres"/>), so module
    /// code only ever sees <typeparamref name="TContext"/>. Every EF <see cref="IInterceptor"/>
    /// registered in the container (the event bus's after-commit hook) is added to the context.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(
        this IServiceCollection services, IConfiguration configuration, string module)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = DatabaseSettings.From(configuration);
        return settings.Provider == DatabaseProvider.Sqlite
            ? services.AddModuleDbContext<TContext, TSqlite>(settings, module)
            : services.AddModuleDbContext<TContext, TPostgres>(settings, module);
    }

    /// <summary>
    /// Applies the provider, naming convention and per-module history table to options
    /// (<c>__ef_migrations_history_&lt;module&gt;</c>: each module migrates on its own), and on
    /// SQLite a busy timeout on every connection.
    /// </summary>
    public static DbContextOptionsBuilder UseModuleDatabase(
        this DbContextOptionsBuilder builder, DatabaseSettings settings, string module) =>
        builder.UseModuleDatabase(settings, module, withConnectionString: true);

    /// <summary>As above; without the connection string for contexts given a connection later (<see cref="CommandConnection"/>).</summary>
    private static DbContextOptionsBuilder UseModuleDatabase(
        this DbContextOptionsBuilder builder, DatabaseSettings settings, string module, bool withConnectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var historyTable = $"__ef_migrations_history_{module.ToLowerInvariant()}";
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            (withConnectionString
                    ? builder.UseSqlite(settings.ConnectionString, o => o.MigrationsHistoryTable(historyTable))
                    : builder.UseSqlite(o => o.MigrationsHistoryTable(historyTable)))
                .AddInterceptors(SqliteConnectionSetup.Instance);
        }
        else if (withConnectionString)
        {
            builder.UseNpgsql(settings.ConnectionString, o => o.MigrationsHistoryTable(historyTable));
        }
        else
        {
            builder.UseNpgsql(o => o.MigrationsHistoryTable(historyTable));
        }

        return builder.UseSnakeCaseNamingConvention();
    }

    private static IServiceCollection AddModuleDbContext<TContext, TProviderContext>(
        this IServiceCollection services, DatabaseSettings settings, string module)
        where TContext : DbContext
        where TProviderContext : TContext
    {
        services.AddPooledDbContextFactory<TProviderContext>(
            (sp, b) => b.UseModuleDatabase(settings, module).AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddSingleton<IDbContextFactory<TContext>>(sp => new DerivedDbContextFactory<TContext, TProviderContext>(
            sp.GetRequiredService<IDbContextFactory<TProviderContext>>(),
            (DbContextOptions<TProviderContext>)new DbContextOptionsBuilder<TProviderContext>()
                .UseModuleDatabase(settings, module, withConnectionString: false)
                .AddInterceptors(sp.GetServices<IInterceptor>())
                .Options));
        services.AddSingleton(new ModuleDatabase(
            module,
            typeof(TProviderContext),
            sp => sp.GetRequiredService<IDbContextFactory<TProviderContext>>().CreateDbContext()));
        return services;
    }

    /// <summary>
    /// The module's factory: a pooled context with a connection of its own, or, while a command runs
    /// (<see cref="CommandConnection"/>), a new unpooled context over the command's connection and
    /// transaction (unpooled, so no pooled context ever keeps a borrowed connection).
    /// </summary>
    private sealed class DerivedDbContextFactory<TContext, TProviderContext>(
        IDbContextFactory<TProviderContext> inner, DbContextOptions<TProviderContext> enlistedOptions)
        : IDbContextFactory<TContext>
        where TContext : DbContext
        where TProviderContext : TContext
    {
        public TContext CreateDbContext() => CommandConnection.Current is var (connection, transaction)
            ? CommandConnection.Enlist(
                (TProviderContext)Activator.CreateInstance(typeof(TProviderContext), enlistedOptions)!, connection, transaction)
            : inner.CreateDbContext();
    }
}
