using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Host.Tests.Mutations;

/// <summary>A test-only module declaring mutations the way modules will.</summary>
internal sealed class WidgetTestModule : IGraphQLModule
{
    public string Name => "WidgetTest";

    public void AddQueryFields(ObjectGraphType query) =>
        query.Field<StringGraphType>("explode").AllowAnonymous()
            .Resolve(_ => throw new InvalidOperationException("Connection string Password=hunter2 leaked"));

    public void AddMutationFields(ObjectGraphType mutation)
    {
        mutation.Mutation<CreateWidgetInputType, CreateWidgetPayloadType>("createWidget")
            .Description("Creates a widget.")
            .AllowAnonymous()
            .Resolve<CreateWidgetInput, CreateWidgetPayload>(async (context, input) =>
            {
                await Task.Yield();
                if (input.Name == "boom")
                {
                    throw new InvalidOperationException("Connection string Password=hunter2 leaked");
                }

                var errors = new List<UserError>();
                if (string.IsNullOrWhiteSpace(input.Name))
                {
                    errors.Add(new UserError("NAME_REQUIRED", "Give the widget a name.", ["input", "name"]));
                }

                if (input.Quantity > 10)
                {
                    errors.Add(new UserError("TOO_MANY", "At most 10 widgets at once.", ["input", "quantity"]));
                }

                if (errors.Count > 0)
                {
                    throw new UserErrorException(errors);
                }

                if (input.Name == "full")
                {
                    throw new UserErrorException("WAREHOUSE_FULL", "The warehouse is full.");
                }

                return new CreateWidgetPayload { Widget = new Widget(input.Name, input.Quantity) };
            });

        mutation.Mutation<DeleteWidgetInputType, DeleteWidgetPayloadType>("deleteWidget")
            .AuthorizeWithRoles(Roles.Admin)
            .Resolve<DeleteWidgetInput, DeleteWidgetPayload>((context, input) =>
                Task.FromResult(new DeleteWidgetPayload { DeletedName = input.Name }));
    }

    internal sealed record Widget(string Name, int Quantity);

    internal sealed record CreateWidgetInput(string Name, int Quantity);

    internal sealed class CreateWidgetPayload : Payload
    {
        public Widget? Widget { get; init; }
    }

    internal sealed record DeleteWidgetInput(string Name);

    internal sealed class DeleteWidgetPayload : Payload
    {
        public string? DeletedName { get; init; }
    }

    internal sealed class WidgetType : ObjectGraphType<Widget>
    {
        public WidgetType()
        {
            this.AllowAnonymous();
            Field(w => w.Name);
            Field(w => w.Quantity);
        }
    }

    internal sealed class CreateWidgetInputType : InputObjectGraphType<CreateWidgetInput>
    {
        public CreateWidgetInputType()
        {
            Field(i => i.Name);
            Field(i => i.Quantity);
        }
    }

    internal sealed class CreateWidgetPayloadType : PayloadGraphType<CreateWidgetPayload>
    {
        public CreateWidgetPayloadType() => Field<WidgetType>("widget").Resolve(c => c.Source.Widget);
    }

    internal sealed class DeleteWidgetInputType : InputObjectGraphType<DeleteWidgetInput>
    {
        public DeleteWidgetInputType() => Field(i => i.Name);
    }

    internal sealed class DeleteWidgetPayloadType : PayloadGraphType<DeleteWidgetPayload>
    {
        public DeleteWidgetPayloadType() => Field<StringGraphType>("deletedName").Resolve(c => c.Source.DeletedName);
    }
}
