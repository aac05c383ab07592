using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Host.Tests.Mutations;

/// <summary>A test-only module declaring mutations the way modules do, without a database (<c>Resolve</c>).</summary>
internal sealed class WidgetTestModule : IGraphQLModule
{
    public string Name => "WidgetTest";

    public void AddQueryFields(ObjectGraphType query) =>
        query.Field<StringGraphType>("explode").AllowAnonymous()
            .Resolve(_ => throw new InvalidOperationException("Connection string Password=hunter2 leaked"));

    public void AddMutationFields(ObjectGraphType mutation)
    {
        mutation.Command<CreateWidgetInput, CreateWidgetPayload>("createWidget")
            .Description("Creates a widget.")
            .AllowAnonymous()
            .Resolve(async (_, input) =>
            {
                await Task.Yield();
                if (input.Name == "boom")
                {
                    throw new InvalidOperationException("Connection string Password=hunter2 leaked");
                }

                WidgetRules.Check(input);
                return new CreateWidgetPayload(new Widget(input.Name, input.Quantity));
            });

        mutation.Command<DeleteWidgetInput, DeleteWidgetPayload>("deleteWidget")
            .AuthorizeWithRoles(Roles.Admin)
            .Resolve((_, input) => Task.FromResult(new DeleteWidgetPayload(input.Name)));
    }

    /// <summary>The rules, apart from the resolver: every broken field at once, then the whole-command rule.</summary>
    internal static class WidgetRules
    {
        public static void Check(CreateWidgetInput input)
        {
            var errors = new List<UserError>();
            if (string.IsNullOrWhiteSpace(input.Name))
            {
                errors.Add(new UserError("NAME_REQUIRED", "Give the widget a name.", ["input", "name"]));
            }

            if (input.Quantity > 10)
            {
                errors.Add(new UserError("TOO_MANY", "At most 10 widgets at once.", ["input", "quantity"]));
            }

            errors.ThrowIfAny();
            if (input.Name == "full")
            {
                throw new UserErrorException("WAREHOUSE_FULL", "The warehouse is full.");
            }
        }
    }

    internal sealed record Widget(string Name, int Quantity);

    internal sealed record CreateWidgetInput(string Name, int Quantity);

    internal sealed record CreateWidgetPayload(Widget? Widget) : Payload;

    internal sealed record DeleteWidgetInput(string Name);

    internal sealed record DeleteWidgetPayload(string? DeletedName) : Payload;

    internal sealed class WidgetType : ObjectGraphType<Widget>
    {
        public WidgetType()
        {
            this.AllowAnonymous();
            Field(w => w.Name);
            Field(w => w.Quantity);
        }
    }
}
