using CertifyTrack.Host.GraphQL.Http;
using CertifyTrack.Host.Ide;
using CertifyTrack.Shared.GraphQL;
using GraphQL;

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
        var middleware = endpoints.ServiceProvider.GetRequiredService<GraphQLHttpMiddleware>();
        return endpoints.Map(pattern, middleware.InvokeAsync);
    }
}
