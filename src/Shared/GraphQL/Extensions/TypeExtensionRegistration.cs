using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CertifyTrack.Shared.GraphQL.Extensions;

public static class TypeExtensionRegistration
{
    /// <summary>Registers fields that the calling module adds to another module's object type.</summary>
    public static IServiceCollection AddTypeExtension<TExtension>(this IServiceCollection services)
        where TExtension : class, ITypeExtension
    {
        services.TryAddSingleton<TypeExtensionRegistry>();
        services.AddSingleton<ITypeExtension, TExtension>();
        return services;
    }
}
