using System.Security.Claims;
using CertifyTrack.Host.GraphQL.Errors;
using CertifyTrack.Host.GraphQL.Limits;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL;

/// <summary>
/// Runs a request against the one schema; shared by every transport. Every request gets the
/// same validation rules (limits, authorization), the execution timeout and the masking of
/// unexpected exceptions.
/// </summary>
internal sealed class GraphQLExecutor(
    IDocumentExecuter<ISchema> executer,
    GraphQLValidationRules rules,
    UnhandledErrorMasker masker,
    IOptions<GraphQLLimitsOptions> limits)
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

    public async Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request,
        GraphQLDocument? document,
        ClaimsPrincipal user,
        IServiceProvider requestServices,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                Document = document,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                User = user,
                RequestServices = requestServices,
                CancellationToken = cancellationToken,
                ValidationRules = rules.All,
                UnhandledExceptionDelegate = masker.HandleAsync,
                Timeout = limits.Value.ExecutionTimeout,
                MaxParallelExecutionCount = limits.Value.MaxParallelExecution,
                TimeoutAction = TimeoutAction.ThrowTimeoutException,
            });
        }
        catch (TimeoutException) when (!cancellationToken.IsCancellationRequested)
        {
            // Execution began and was cancelled: "data": null with the reason, as for any field error at the root.
            var result = new ExecutionResult { Executed = true };
            result.AddError(new ExecutionError($"The operation did not finish within {limits.Value.ExecutionTimeout.TotalSeconds:0.###} seconds.")
            {
                Code = "EXECUTION_TIMEOUT",
            });
            return result;
        }
    }
}
