using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Shared.GraphQL.Types;

/// <summary>
/// Which graph type shows a CLR type where a record (<see cref="InputType{TInput}"/>,
/// <see cref="PayloadType{TPayload}"/>) has a property of it: <c>services.AddGraphTypeMapping&lt;ClubNode, ClubType&gt;()</c>,
/// registered next to the graph type by the module that owns it. Explicit: nothing is found by scanning.
/// </summary>
public static class GraphTypeMappings
{
    public static IServiceCollection AddGraphTypeMapping<TClr, TGraphType>(this IServiceCollection services)
        where TGraphType : IGraphType
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSingleton<IGraphTypeMappingProvider>(new Mapping(typeof(TClr), typeof(TGraphType)));
    }

    private sealed class Mapping(Type clrType, Type graphType) : IGraphTypeMappingProvider
    {
        private readonly bool isInput = typeof(IInputObjectGraphType).IsAssignableFrom(graphType) || typeof(ScalarGraphType).IsAssignableFrom(graphType);
        private readonly bool isOutput = !typeof(IInputObjectGraphType).IsAssignableFrom(graphType);

        public Type? GetGraphTypeFromClrType(Type clr, bool isInputType, Type? preferredType) =>
            clr == clrType && (isInputType ? isInput : isOutput) ? graphType : preferredType;
    }
}
