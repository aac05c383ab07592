using System.Net;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;
using CertifyTrack.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Conventions;

public sealed class GlobalIdTests
{
    private static readonly Dictionary<long, Gadget> Gadgets = new() { [1] = new(1, "lamp"), [2] = new(2, "fan") };

    [Fact]
    public void Ids_are_opaque_url_safe_and_round_trip()
    {
        var id = GlobalId.Encode("Gadget", 42);

        Assert.Matches("^[A-Za-z0-9_-]+$", id);
        Assert.True(GlobalId.TryParse(id, out var parsed));
        Assert.Equal(new GlobalId("Gadget", "42"), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("R2FkZ2V0")]          // "Gadget": no key
    [InlineData("OjQy")]              // ":42": no type
    [InlineData("__8")]               // invalid UTF-8
    public void Garbage_does_not_parse(string value) => Assert.False(GlobalId.TryParse(value, out _));

    [Fact]
    public async Task Node_and_nodes_find_objects_through_the_registry_in_order()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestAuthenticationHandler.Token("7", "student"));
        var lamp = GlobalId.Encode("Gadget", 1);
        var fan = GlobalId.Encode("Gadget", 2);
        var missing = GlobalId.Encode("Gadget", 99);
        var unknownType = GlobalId.Encode("Nothing", 1);

        var (response, body) = await client.PostGraphQLAsync(
            $$$"""{ node(id: "{{{lamp}}}") { id ... on Gadget { label } } nodes(ids: ["{{{fan}}}", "{{{missing}}}", "{{{unknownType}}}", "{{{lamp}}}"]) { id } }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            $$$"""{"data":{"node":{"id":"{{{lamp}}}","label":"lamp"},"nodes":[{"id":"{{{fan}}}"},null,null,{"id":"{{{lamp}}}"}]}}""",
            body.ToJson());
    }

    [Fact]
    public async Task The_registration_sees_the_caller_and_hides_what_they_may_not_see()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();
        var fan = GlobalId.Encode("Gadget", 2);

        var (_, body) = await client.PostGraphQLAsync($$"""{ node(id: "{{fan}}") { id } }""");

        Assert.Equal("""{"data":{"node":null}}""", body.ToJson());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("T3RoZXI6MQ")] // "Other:1": an id of another type
    [InlineData("R2FkZ2V0OmFiYw")] // "Gadget:abc": not a numeric key
    public async Task A_wrong_or_garbage_id_argument_is_a_clear_error_not_a_crash(string id)
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        var (response, body) = await client.PostGraphQLAsync($$"""{ gadget(id: "{{id}}") { label } }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = body["errors"]![0]!;
        Assert.Equal("INVALID_ID", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal($"'id' must be the id of a Gadget; '{id}' is not.", error["message"]!.GetValue<string>());
        Assert.Equal("""{"gadget":null}""", body["data"].ToJson());
    }

    [Fact]
    public async Task Garbage_in_node_is_a_clear_error()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        var (_, body) = await client.PostGraphQLAsync("""{ node(id: "%%%") { id } }""");

        Assert.Equal("INVALID_ID", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private static async Task<TestApp> StartAsync()
    {
        var app = await TestApp.StartAsync(configureServices: s =>
        {
            s.AddPooledDbContextFactory<GadgetDbContext>((sp, options) => options.UseModuleDatabase(sp.GetRequiredService<DatabaseSettings>(), "GadgetTest"));
            s.AddSingleton<IGraphQLModule, GadgetModule>();
            s.AddTestAuthentication();
            s.AddNodeSource(GadgetNodes);
        });
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<GadgetDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(TestContext.Current.CancellationToken);
        db.Gadgets.AddRange(Gadgets.Values.Select(g => new Gadget(g.Id, g.Label)));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return app;
    }

    // The "fan" (2) is visible to signed-in callers only: the node policy is the gate of node(id:).
    private static readonly NodeSource<GadgetDbContext, Gadget> GadgetNodes = new(
        new NodePolicy<GadgetDbContext, Gadget>("everyone; the fan signed-in callers only", (caller, _) =>
            caller.Identity?.IsAuthenticated == true ? g => true : g => g.Id != 2),
        db => db.Gadgets,
        g => g.Id);

    internal sealed class GadgetDbContext(DbContextOptions<GadgetDbContext> options) : DbContext(options)
    {
        public DbSet<Gadget> Gadgets => Set<Gadget>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Gadget>().ToTable("test_gadget").Property(g => g.Id).ValueGeneratedNever();
    }

    internal sealed record Gadget(long Id, string Label) : INode
    {
        public static string TypeName => "Gadget";
    }

    internal sealed class GadgetType : ObjectGraphType<Gadget>
    {
        public GadgetType()
        {
            Name = Gadget.TypeName;
            this.NodeId(g => g.Id).AllowAnonymous();
            Field(g => g.Label).AllowAnonymous();
        }
    }

    internal sealed class GadgetModule : IGraphQLModule
    {
        public string Name => "Gadgets";

        public void AddQueryFields(ObjectGraphType query) =>
            query.Field<GadgetType>("gadget")
                .Argument<NonNullGraphType<IdGraphType>>("id")
                .Resolve(c => Gadgets.GetValueOrDefault(c.GetIdArgument<Gadget>("id")))
                .AllowAnonymous();
    }
}
