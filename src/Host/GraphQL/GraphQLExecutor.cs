using System.Security.Claims;
using CertifyTrack.Host.GraphQL.Errors;
using CertifyTrack.Host.GraphQL.Limits;
using CertifyTrack.Shared.GraphQL;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL;

/// <summary>
/// Runs a request against the one schema; shared by every transport. Every request gets the
/// same validation rules (limits, authorization), the execution timeout and the masking of
/// unexpected exceptions. The timeout is <c>GraphQL:Limits:ExecutionTimeout</c>, or longer when the
/// operation selects a root field that asks for more (<see cref="LongRunningFields"/>).
/// </summary>
internal sealed class GraphQLExecutor(
    IDocumentExecuter<ISchema> executer,
    ISchema schema,
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

        return (document, OperationOf(document, request.OperationName)?.Operation);
    }

    public async Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request,
        GraphQLDocument? document,
        ClaimsPrincipal user,
        IServiceProvider requestServices,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timeout = TimeoutOf(request, document, requestServices);
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
                Timeout = timeout,
                MaxParallelExecutionCount = limits.Value.MaxParallelExecution,
                TimeoutAction = TimeoutAction.ThrowTimeoutException,
            });
        }
        catch (TimeoutException) when (!cancellationToken.IsCancellationRequested)
        {
            // Execution began and was cancelled: "data": null with the reason, as for any field error at the root.
            var result = new ExecutionResult { Executed = true };
            result.AddError(new ExecutionError($"The operation did not finish within {timeout.TotalSeconds:0.###} seconds.")
            {
                Code = "EXECUTION_TIMEOUT",
            });
            return result;
        }
    }

    /// <summary>The configured timeout, or the longest one a root field of the operation asks for.</summary>
    private TimeSpan TimeoutOf(GraphQLRequest request, GraphQLDocument? document, IServiceProvider services)
    {
        var timeout = limits.Value.ExecutionTimeout;
        var operation = document is null ? null : OperationOf(document, request.OperationName);
        var root = operation?.Operation switch
        {
            OperationType.Query => schema.Query,
            OperationType.Mutation => schema.Mutation,
            _ => null,
        };
        foreach (var selection in operation?.SelectionSet.Selections.OfType<GraphQLField>() ?? [])
        {
            if (root?.GetField(selection.Name.StringValue)?.ExecutionTimeout(services) is { } asked && asked > timeout)
            {
                timeout = asked;
            }
        }

        return timeout;
    }

    /// <summary>The operation that runs: the one named, or the only one.</summary>
    internal static GraphQLOperationDefinition? OperationOf(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is { Length: > 0 } name
            ? operations.Find(o => o.Name?.StringValue == name)
            : operations.Count == 1 ? operations[0] : null;
    }
}
