using CertifyTrack.Host.GraphQL.Documents;
using CertifyTrack.Host.GraphQL.Errors;
using CertifyTrack.Host.GraphQL.Http;
using CertifyTrack.Host.GraphQL.Limits;
using CertifyTrack.Host.GraphQL.Persisted;
using CertifyTrack.Host.GraphQL.RateLimiting;
using CertifyTrack.Host.GraphQL.WebSockets;
using CertifyTrack.Host.Ide;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Extensions;
using CertifyTrack.Shared.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalars = CertifyTrack.Shared.GraphQL.Scalars;

namespace CertifyTrack.Host.GraphQL;

internal static class GraphQLRegistration
{
    public static IServiceCollection AddCertifyTrackGraphQL(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<GraphQLOptions>()
            .Configure(o => o.EnableIntrospection = environment.IsDevelopment()) // the default; configuration may say otherwise
            .Bind(configuration.GetSection(GraphQLOptions.Section))
            .Validate(o => o.MaxBatchSize >= 1 && o.MaxRequestBodyBytes > 0, "GraphQL:MaxBatchSize and MaxRequestBodyBytes must be positive.")
            .ValidateOnStart();
        services.AddOptions<GraphQLLimitsOptions>().Bind(configuration.GetSection(GraphQLLimitsOptions.Section))
            .Validate(o => o.MaxDepth > 0 && o.MaxComplexity > 0 && o.MaxAliases >= 0 && o.ListMultiplier >= 0 && o.ExecutionTimeout > TimeSpan.Zero
                && o.MaxDocumentBytes > 0 && o.MaxNesting > 0 && o.MaxNodes > 0 && o.MaxSelections > 0 && o.MaxFragments >= 0
                && o.MaxFragmentSpreads >= 0 && o.MaxDirectives >= 0 && o.MaxOverlappingFieldPairs >= 0 && o.ValidationTimeout > TimeSpan.Zero,
                "GraphQL:Limits values must be positive.")
            .ValidateOnStart();
        services.AddOptions<GraphQLRateLimitOptions>().Bind(configuration.GetSection(GraphQLRateLimitOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => Enum.GetValues<ExpensiveWork>().All(w => o.Weights.Of(w) >= 0) && o.Weights.Mutation >= 0,
                "GraphQL:RateLimits:Weights must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<GraphQLRateLimiter>();
        services.AddSingleton<OperationCosts>();
        services.AddSingleton<GraphQLAdmission>();
        var exposeExceptions = configuration.GetValue<bool>($"{GraphQLOptions.Section}:ExposeExceptions") && environment.IsDevelopment();
        services.AddSingleton<IGraphQLModule, NodeFields>();
        services.TryAddSingleton<TypeExtensionRegistry>();
        services.AddSingleton<GraphQLExecutor>();
        services.AddOptions<DocumentCacheOptions>().Bind(configuration.GetSection(DocumentCacheOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PersistedDocumentOptions>().Bind(configuration.GetSection(PersistedDocumentOptions.Section));
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<TrustedDocuments>();
        services.AddSingleton<DocumentSource>();
        services.AddSingleton<StaticValidation>();
        services.AddSingleton<GraphQLValidationRules>();
        services.AddSingleton(sp => new UnhandledErrorMasker(sp.GetRequiredService<ILogger<UnhandledErrorMasker>>(), exposeExceptions));
        services.AddAuthorization();
        services.AddSingleton<GraphQLHttpRequestReader>();
        services.AddSingleton<GraphQLHttpPostReader>();
        services.AddSingleton<GraphQLHttpMiddleware>();
        services.AddSingleton<GraphQLResponseWriter>();
        services.AddSingleton<SchemaDocumentEndpoint>();
        services.AddOptions<GraphQLHttpResponseOptions>().Bind(configuration.GetSection(GraphQLHttpResponseOptions.Section))
            .Validate(o => o.CompressionMinimumBytes >= 0 && o.AnonymousGetMaxAge >= TimeSpan.Zero, "GraphQL:Http values must not be negative.")
            .ValidateOnStart();
        services.AddOptions<GraphQLWebSocketOptions>()
            .Bind(configuration.GetSection(GraphQLWebSocketOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConnectionAuthenticator, DefaultSchemeConnectionAuthenticator>();
        services.AddSingleton<WebSocketSessions>();
        services.AddHostedService(sp => sp.GetRequiredService<WebSocketSessions>());
        services.AddSingleton<GraphQLWebSocketHandler>();
        services.AddSingleton<WebSocketAddressCap>();
        services.AddSingleton<IdePage>();
        // The contract's scalars for dates and times of day, wherever a record or a filter has one.
        services.AddGraphTypeMapping<DateOnly, Scalars.DateGraphType>();
        services.AddGraphTypeMapping<TimeOnly, Scalars.LocalTimeGraphType>();
        services.AddGraphQL(graphql => graphql
            .AddSchema<CertifyTrackSchema>()
            .AddSystemTextJson()
            .AddErrorInfoProvider(o =>
            {
                // "codes" would name the types of inner exceptions: never sent.
                o.ExposeCodes = false;
                o.ExposeExceptionDetails = exposeExceptions;
            })
            .UseTelemetry());
        return services;
    }

    /// <summary>
    /// Builds the schema at start-up, so that a broken composition (a root field or a type
    /// extension field declared twice, an extension of a type that is not there, a Node type
    /// without a node policy) stops the host.
    /// </summary>
    public static void InitializeGraphQLSchema(this IServiceProvider services)
    {
        var schema = services.GetRequiredService<ISchema>();
        schema.Initialize();
        services.GetRequiredService<TypeExtensionRegistry>().EnsureAllApplied();
        _ = services.GetRequiredService<TrustedDocuments>(); // a trusted document whose hash does not match stops the host
        NodeFields.EnsureEveryNodeHasAPolicy(schema, services.GetServices<CertifyTrack.Shared.GraphQL.Relay.NodeRegistration>());
    }

    public static IEndpointConventionBuilder MapCertifyTrackGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        var http = endpoints.ServiceProvider.GetRequiredService<GraphQLHttpMiddleware>();
        var webSocket = endpoints.ServiceProvider.GetRequiredService<GraphQLWebSocketHandler>();
        var sdl = endpoints.ServiceProvider.GetRequiredService<SchemaDocumentEndpoint>();
        endpoints.MapMethods(pattern + "/schema.graphql", [HttpMethods.Get, HttpMethods.Head], sdl.InvokeAsync);
        return endpoints.Map(pattern, context => GraphQLWebSocketHandler.IsGraphQLWebSocketRequest(context)
            ? webSocket.HandleAsync(context)
            : http.InvokeAsync(context));
    }
}
