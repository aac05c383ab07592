using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using CertifyTrack.Host.GraphQL.Authorization;
using CertifyTrack.Host.GraphQL.Documents;
using CertifyTrack.Host.GraphQL.Errors;
using CertifyTrack.Host.GraphQL.Limits;
using CertifyTrack.Host.GraphQL.Persisted;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL;

/// <summary>
/// Runs a request against the one schema; shared by every transport (each HTTP request, each
/// item of a batch, each WebSocket <c>subscribe</c>). Every request gets the same document budget
/// (checked by <see cref="Parse"/> before validation, or found passed in the <see cref="DocumentCache"/>),
/// validation rules (limits, input checks, authorization) under the validation time budget — of a cached
/// document, only those whose answer can change between requests, and none for a request without variables
/// whose caller kind already passed them (<see cref="StaticValidation"/>) — the
/// execution timeout and the masking of unexpected exceptions; with introspection off, errors lose their
/// "Did you mean" suggestions.
/// The timeout is <c>GraphQL:Limits:ExecutionTimeout</c>, or longer when the operation selects a
/// root field that asks for more (<see cref="LongRunningFields"/>).
/// </summary>
internal sealed class GraphQLExecutor(
    IDocumentExecuter<ISchema> executer,
    ISchema schema,
    DocumentSource documents,
    StaticValidation validation,
    UnhandledErrorMasker masker,
    IOptions<GraphQLLimitsOptions> limits,
    IOptions<GraphQLOptions> options)
{
    /// <summary>
    /// Finds the request's document (its text or a persisted hash, <see cref="DocumentSource"/>), parsed within
    /// the document budget (<see cref="DocumentBudget"/>) or from the cache, and the operation that would run,
    /// so that a transport can refuse it before execution (a mutation by GET). A document over budget, with a
    /// syntax error, unknown by hash or not trusted comes back as <see cref="ParsedRequest.Refusal"/>; the
    /// operation is null when the document names no single operation (the executer reports that).
    /// </summary>
    public ParsedRequest Parse(GraphQLRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (cached, refusal) = documents.Resolve(request);
        return cached is null || refusal is not null
            ? new ParsedRequest(null, null, refusal)
            : new ParsedRequest(cached, OperationOf(cached.Document, request.OperationName)?.Operation, null);
    }

    public async Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request,
        ParsedRequest parsed,
        ClaimsPrincipal user,
        IServiceProvider requestServices,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parsed);
        if (parsed.Refusal is not null || parsed.Source is null)
        {
            return new ExecutionResult(parsed.Refusal ?? new ExecutionError("The document could not be parsed.") { Code = "SYNTAX_ERROR" });
        }

        var result = await RunAsync(request, parsed.Source!, user, requestServices, cancellationToken);
        if (!options.Value.EnableIntrospection)
        {
            SchemaSuggestions.Strip(result);
        }

        return result;
    }

    private async Task<ExecutionResult> RunAsync(
        GraphQLRequest request, CachedDocument source, ClaimsPrincipal user, IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        var document = source.Document;
        var timeout = TimeoutOf(request, document, requestServices);
        var validationStart = Stopwatch.GetTimestamp();
        var plan = await validation.PlanAsync(source, request, validationStart, user, requestServices, cancellationToken);
        var committed = new CommittedFields();
        var policyUse = new PolicyUse();
        try
        {
            var result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = source.Text,
                Document = document,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                User = user,
                RequestServices = requestServices,
                CancellationToken = cancellationToken,
                ValidationRules = plan.Rules,
                UnhandledExceptionDelegate = masker.HandleAsync,
                Timeout = timeout,
                MaxParallelExecutionCount = limits.Value.MaxParallelExecution,
                UserContext = new Dictionary<string, object?>
                {
                    [ValidationTimeBudgetRule.StartKey] = validationStart,
                    [CommittedFields.Key] = committed,
                    [PolicyUse.Key] = policyUse,
                },
                TimeoutAction = TimeoutAction.ThrowTimeoutException,
            });
            if (plan.Remember is { } key && result.Executed && !policyUse.Consulted)
            {
                source.RememberPassed(key); // executed: validation found nothing (a refused request never executes)
            }

            return result;
        }
        catch (TimeoutException) when (!cancellationToken.IsCancellationRequested)
        {
            // Execution began and was cancelled: "data": null with the reason, as for any field error at the root.
            // When a mutation's command had committed, the changes stay: say so, naming the fields, so a
            // client does not retry what already happened (ADR 6).
            var result = new ExecutionResult { Executed = true };
            var seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            result.AddError(committed.Names is { Count: > 0 } names
                ? new ExecutionError($"The operation did not finish within {seconds} seconds, after the changes of {string.Join(", ", names.Select(n => $"'{n}'"))} were committed; they stand.")
                {
                    Code = "EXECUTION_TIMEOUT_AFTER_COMMIT",
                    Extensions = new Dictionary<string, object?> { ["committedFields"] = names },
                }
                : new ExecutionError($"The operation did not finish within {seconds} seconds.") { Code = "EXECUTION_TIMEOUT" });
            return result;
        }
    }

    /// <summary>The configured timeout, or the longest one a root field of the operation asks for.</summary>
    private TimeSpan TimeoutOf(GraphQLRequest request, GraphQLDocument document, IServiceProvider services)
    {
        var timeout = limits.Value.ExecutionTimeout;
        var operation = OperationOf(document, request.OperationName);
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

/// <summary>A parsed request: the (cached) document and its operation, or the request error that refused it.</summary>
internal sealed record ParsedRequest(CachedDocument? Source, OperationType? Operation, ExecutionError? Refusal)
{
    public GraphQLDocument? Document => Source?.Document;
}
