using CertifyTrack.Host.Ide;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CertifyTrack.Host.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP at one path, as the GraphQL-over-HTTP spec asks: POST JSON, GET for
/// queries only, the response media type chosen by Accept, and spec status codes
/// (docs/adr/0003-graphql-over-http-status-codes.md). A browser asking for HTML gets the IDE.
/// </summary>
internal sealed class GraphQLHttpMiddleware(
    GraphQLExecutor executor,
    GraphQLHttpRequestReader reader,
    IGraphQLSerializer serializer,
    IdePage ide,
    IOptions<GraphQLOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var http = context.Request;
        var accept = http.GetTypedHeaders().Accept;
        var isGet = HttpMethods.IsGet(http.Method) || HttpMethods.IsHead(http.Method);
        if (isGet && !http.Query.ContainsKey("query") && GraphQLMediaTypes.PrefersHtml(accept))
        {
            await ide.WriteAsync(context);
            return;
        }

        if (!isGet && !HttpMethods.IsPost(http.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, GraphQLMediaTypes.Json,
                new HttpRequestError(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "Use GET or POST."));
            return;
        }

        var mediaType = GraphQLMediaTypes.Negotiate(accept);
        if (mediaType is null)
        {
            await WriteErrorAsync(context, GraphQLMediaTypes.Json, new HttpRequestError(StatusCodes.Status406NotAcceptable,
                "NOT_ACCEPTABLE", $"Accept {GraphQLMediaTypes.GraphQLResponse} or {GraphQLMediaTypes.Json}."));
            return;
        }

        var abort = context.RequestAborted;
        var (request, error) = isGet
            ? reader.ReadGet(http.Query)
            : await reader.ReadPostAsync(http, options.Value.MaxRequestBodyBytes, abort);
        if (error is not null)
        {
            await WriteErrorAsync(context, mediaType, error);
            return;
        }

        var (document, operation) = GraphQLExecutor.Inspect(request!);
        if (isGet && operation == OperationType.Mutation)
        {
            context.Response.Headers.Allow = "POST";
            await WriteErrorAsync(context, mediaType, new HttpRequestError(StatusCodes.Status405MethodNotAllowed,
                "METHOD_NOT_ALLOWED", "Mutations are sent by POST."));
            return;
        }

        if (operation == OperationType.Subscription)
        {
            var status = mediaType == GraphQLMediaTypes.Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            await WriteErrorAsync(context, mediaType, new HttpRequestError(status, "SUBSCRIPTION_OVER_HTTP",
                "Subscriptions are served over WebSocket (graphql-transport-ws) at this path."));
            return;
        }

        var result = await executor.ExecuteAsync(request!, document, context.User, context.RequestServices, abort);
        if (abort.IsCancellationRequested)
        {
            return;
        }

        // A request that never executed (parse, validation or variable errors) is a request
        // error: 400 under application/graphql-response+json, 200 under legacy application/json.
        var statusCode = !result.Executed && mediaType == GraphQLMediaTypes.GraphQLResponse
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        await WriteAsync(context, mediaType, statusCode, result);
    }

    private Task WriteErrorAsync(HttpContext context, string mediaType, HttpRequestError error)
    {
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(error.Message) { Code = error.Code });
        return WriteAsync(context, mediaType, error.StatusCode, result);
    }

    private async Task WriteAsync(HttpContext context, string mediaType, int statusCode, ExecutionResult result)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = mediaType + "; charset=utf-8";
        response.Headers.Vary = HeaderNames.Accept;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await serializer.WriteAsync(response.Body, result, context.RequestAborted);
    }
}
