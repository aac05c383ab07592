using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace CertifyTrack.Host.GraphQL;

/// <summary>Runs a request against the one schema; shared by every transport.</summary>
internal sealed class GraphQLExecutor(IDocumentExecuter<ISchema> executer)
{
    /// <summary>
    /// Parses the document and finds the operation that would run, so that a transport can
    /// refuse it before execution (a mutation by GET). Null when the document does not parse
    /// or names no single operation; the executer then reports the error itself.
    /// </summary>
    public static (GraphQLDocument? Document, OperationType? Operation) Inspect(GraphQLRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(request.Query);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return (null, null);
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = request.OperationName is { Length: > 0 } name
            ? operations.Find(o => o.Name?.StringValue == name)
            : operations.Count == 1 ? operations[0] : null;
        return (document, operation?.Operation);
    }

    public Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request,
        GraphQLDocument? document,
        ClaimsPrincipal user,
        IServiceProvider requestServices,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = user,
            RequestServices = requestServices,
            CancellationToken = cancellationToken,
        });
    }
}
