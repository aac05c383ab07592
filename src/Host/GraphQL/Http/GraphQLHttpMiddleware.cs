using System.Globalization;
using CertifyTrack.Host.GraphQL.RateLimiting;
using CertifyTrack.Host.Ide;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP at one path, as the GraphQL-over-HTTP spec asks: POST JSON, GET for
/// queries only, the response media type chosen by Accept, and spec status codes
/// (docs/adr/0003-graphql-over-http-status-codes.md). A POST body may be a JSON array of
/// requests (a batch, docs/adr/0006): they run one after another and are answered by an
/// array in the same order, with 200. A browser asking for HTML gets the IDE. A request whose
/// bearer token is refused (expired, revoked, malformed) gets 401 rather than running anonymous,
/// so that the client knows to refresh it.
/// The rate limits price every request of a batch, a mutation per root field and expensive fields
/// more: a batch the caller has too few permits left for is refused whole with 429 and
/// <c>Retry-After</c>, and one selecting more than one password-hashing field with 400
/// (<see cref="GraphQLAdmission"/>, docs/adr/0010).
/// </summary>
internal sealed class GraphQLHttpMiddleware(
    GraphQLExecutor executor,
    GraphQLHttpRequestReader reader,
    GraphQLHttpPostReader postReader,
    GraphQLResponseWriter writer,
    IdePage ide,
    GraphQLAdmission admission,
    IOptions<GraphQLOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var http = context.Request;
        var accept = http.GetTypedHeaders().Accept;
        var isGet = HttpMethods.IsGet(http.Method);
        if ((isGet || HttpMethods.IsHead(http.Method)) && !http.Query.ContainsKey("query") && GraphQLMediaTypes.PrefersHtml(accept))
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

        if (await IsTokenRefusedAsync(context))
        {
            // A refused token still costs a permit of the client's address: requests with stale or
            // forged tokens are limited like any other traffic from there.
            if (admission.TryAdmit(context.User, context.Connection.RemoteIpAddress, 1) is { } tooMany)
            {
                await RefuseAsync(context, mediaType, tooMany);
                return;
            }

            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await WriteErrorAsync(context, mediaType, new HttpRequestError(StatusCodes.Status401Unauthorized,
                "UNAUTHENTICATED", "The access token is not valid: it expired or was revoked. Refresh it or sign in again."));
            return;
        }

        var abort = context.RequestAborted;
        var (body, error) = isGet
            ? FromGet(reader.ReadGet(http.Query))
            : await postReader.ReadAsync(http, options.Value, abort);
        if (error is not null)
        {
            await WriteErrorAsync(context, mediaType, error);
            return;
        }

        if (admission.TryAdmit(context.User, context.Connection.RemoteIpAddress, body!.Items.Count) is { } refusal)
        {
            await RefuseAsync(context, mediaType, refusal);
            return;
        }

        // Parsed once, priced, then executed from the same documents.
        var parsed = body.Items.Select(item => item.Request is null ? null : executor.Parse(item.Request)).ToList();
        if (admission.TryAdmitParsed(context.User, context.Connection.RemoteIpAddress,
                [.. body.Items.Select((item, i) => (parsed[i]?.Document, item.Request?.OperationName))]) is { } refused)
        {
            await RefuseAsync(context, mediaType, refused);
            return;
        }

        var answers = new List<(int Status, ExecutionResult Result)>(body.Items.Count);
        for (var i = 0; i < body.Items.Count; i++)
        {
            var (request, itemError) = body.Items[i];
            answers.Add(itemError is not null
                ? (itemError.StatusCode, ErrorResult(itemError))
                : await AnswerAsync(context, request!, parsed[i]!, isGet, mediaType));
            if (abort.IsCancellationRequested)
            {
                return;
            }
        }

        if (body.IsBatch)
        {
            await WriteAsync(context, mediaType, StatusCodes.Status200OK, answers.ConvertAll(a => a.Result));
            return;
        }

        var (status, result) = answers[0];
        if (status == StatusCodes.Status405MethodNotAllowed)
        {
            context.Response.Headers.Allow = "POST";
        }

        await WriteAsync(context, mediaType, status, result, IsCacheable(context, isGet, parsed[0], status, result));
    }

    /// <summary>
    /// An answer every caller would get alike: a GET query (by persisted hash or text) of an anonymous
    /// caller that ran without errors. A signed-in answer is the caller's own; an error may be the
    /// caller's (a rate limit) or passing (a timeout): none of them is kept by a cache.
    /// </summary>
    private static bool IsCacheable(HttpContext context, bool isGet, ParsedRequest? parsed, int status, ExecutionResult result) =>
        isGet && status == StatusCodes.Status200OK && parsed?.Operation == OperationType.Query
        && result.Executed && result.Errors is not { Count: > 0 }
        && context.Request.Headers.Authorization.Count == 0 && context.User.Identity?.IsAuthenticated != true;

    private Task RefuseAsync(HttpContext context, string mediaType, RateLimitRefusal refusal) =>
        RefuseAsync(context, mediaType, new AdmissionRefusal(StatusCodes.Status429TooManyRequests, refusal.ToError(), refusal));

    /// <summary>One error for the whole request (none of a batch's items ran), not an array.</summary>
    private Task RefuseAsync(HttpContext context, string mediaType, AdmissionRefusal refusal)
    {
        if (refusal.RateLimit is { } limit)
        {
            context.Response.Headers.RetryAfter = limit.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        var refused = new ExecutionResult { Executed = false };
        refused.AddError(refusal.Error);
        return WriteAsync(context, mediaType, refusal.StatusCode, refused);
    }

    private async Task<(int Status, ExecutionResult Result)> AnswerAsync(
        HttpContext context, GraphQLRequest request, ParsedRequest parsed, bool isGet, string mediaType)
    {
        var operation = parsed.Operation;
        if (isGet && operation == OperationType.Mutation)
        {
            return Refuse(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "Mutations are sent by POST.");
        }

        if (operation == OperationType.Subscription)
        {
            var status = mediaType == GraphQLMediaTypes.Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            return Refuse(status, "SUBSCRIPTION_OVER_HTTP", "Subscriptions are served over WebSocket (graphql-transport-ws) at this path.");
        }

        var result = await executor.ExecuteAsync(request, parsed, context.User, context.RequestServices, context.RequestAborted);

        // A request that never executed (parse, validation or variable errors) is a request
        // error: 400 under application/graphql-response+json, 200 under legacy application/json.
        var statusCode = !result.Executed && mediaType == GraphQLMediaTypes.GraphQLResponse
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        return (statusCode, result);
    }

    /// <summary>
    /// The request carries credentials the default scheme refuses. The authentication middleware
    /// ran the scheme already; its handler answers again from the same request's result.
    /// </summary>
    private static async Task<bool> IsTokenRefusedAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count == 0
            || await context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetDefaultAuthenticateSchemeAsync() is null)
        {
            return false;
        }

        return (await context.AuthenticateAsync()).Failure is not null;
    }

    private static (GraphQLHttpBody?, HttpRequestError?) FromGet((GraphQLRequest? Request, HttpRequestError? Error) read) =>
        read.Error is not null ? (null, read.Error) : (new GraphQLHttpBody([(read.Request, null)], IsBatch: false), null);

    private static (int, ExecutionResult) Refuse(int status, string code, string message) =>
        (status, ErrorResult(new HttpRequestError(status, code, message)));

    private static ExecutionResult ErrorResult(HttpRequestError error)
    {
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(error.Message) { Code = error.Code });
        return result;
    }

    private Task WriteErrorAsync(HttpContext context, string mediaType, HttpRequestError error) =>
        WriteAsync(context, mediaType, error.StatusCode, ErrorResult(error));

    private async Task WriteAsync<TResult>(HttpContext context, string mediaType, int statusCode, TResult result, bool cacheable = false)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = mediaType + "; charset=utf-8";
        writer.SetCaching(context, cacheable);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await writer.WriteAsync(context, result);
    }
}
