using CertifyTrack.Host.GraphQL.Http;
using CertifyTrack.Host.GraphQL.WebSockets;
using CertifyTrack.Host.Ide;
using CertifyTrack.Shared.GraphQL;
using GraphQL;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CertifyTrack.Host.GraphQL;

internal static class GraphQLRegistration
{
    public static IServiceCollection AddCertifyTrackGraphQL(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<GraphQLOptions>(configuration.GetSection(GraphQLOptions.Section));
        var exposeExceptions = configuration.GetValue<bool>($"{GraphQLOptions.Section}:ExposeExceptions") && environment.IsDevelopment();
        services.AddSingleton<IGraphQLModule, NodeFields>();
        services.AddSingleton<GraphQLExecutor>();
        services.AddSingleton<GraphQLHttpRequestReader>();
        services.AddSingleton<GraphQLHttpMiddleware>();
        services.AddOptions<GraphQLWebSocketOptions>()
            .Bind(configuration.GetSection(GraphQLWebSocketOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConnectionAuthenticator, DefaultSchemeConnectionAuthenticator>();
        services.AddSingleton<GraphQLWebSocketHandler>();
        services.AddSingleton<IdePage>();
        services.AddGraphQL(graphql => graphql
            .AddSchema<CertifyTrackSchema>()
            .AddSystemTextJson()
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = exposeExceptions)
            .UseTelemetry());
        return services;
    }

    public static IEndpointConventionBuilder MapCertifyTrackGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        var http = endpoints.ServiceProvider.GetRequiredService<GraphQLHttpMiddleware>();
        var webSocket = endpoints.ServiceProvider.GetRequiredService<GraphQLWebSocketHandler>();
        return endpoints.Map(pattern, context => GraphQLWebSocketHandler.IsGraphQLWebSocketRequest(context)
            ? webSocket.HandleAsync(context)
            : http.InvokeAsync(context));
    }
}
