using System.Text;
using System.Text.Encodings.Web;
using OpenIddict.Abstractions;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// The small sign-in form served at <c>/connect/authorize</c>: labelled fields, the error announced
/// to screen readers, and the authorization request carried along in hidden fields.
/// </summary>
internal static class SignInPage
{
    private static readonly HashSet<string> NotCarried = new(StringComparer.Ordinal)
    {
        AuthorizeEndpoint.UsernameField, AuthorizeEndpoint.PasswordField, AuthorizeEndpoint.AntiforgeryField,
    };

    public static string Render(string action, OpenIddictRequest request, string antiforgeryToken, string? username, string? error)
    {
        var html = HtmlEncoder.Default;
        var errorBlock = error is null
            ? "<p id=\"error\" role=\"alert\" hidden></p>"
            : $"<p id=\"error\" role=\"alert\">{html.Encode(error)}</p>";
        var describedBy = error is null ? "" : " aria-describedby=\"error\" aria-invalid=\"true\"";
        return Layout("Sign in", $$"""
                <h1>Sign in to CertifyTrack</h1>
                {{errorBlock}}
                <form method="post" action="{{html.Encode(action)}}">
            {{HiddenFields(request, antiforgeryToken)}}      <label for="username">Username</label>
                  <input id="username" name="{{AuthorizeEndpoint.UsernameField}}" type="text" autocomplete="username" required autofocus value="{{html.Encode(username ?? "")}}"{{describedBy}}>
                  <label for="password">Password</label>
                  <input id="password" name="{{AuthorizeEndpoint.PasswordField}}" type="password" autocomplete="current-password" required{{describedBy}}>
                  <button type="submit">Sign in</button>
                </form>
            """);
    }

    /// <summary>The request's parameters (but the form's own fields) and the antiforgery token, as hidden inputs.</summary>
    public static string HiddenFields(OpenIddictRequest request, string antiforgeryToken)
    {
        var html = HtmlEncoder.Default;
        var hidden = new StringBuilder();
        foreach (var (name, value) in request.GetParameters())
        {
            if (!NotCarried.Contains(name) && (string?)value is { } text)
            {
                hidden.Append("      <input type=\"hidden\" name=\"").Append(html.Encode(name))
                    .Append("\" value=\"").Append(html.Encode(text)).Append("\">\n");
            }
        }

        return hidden.Append("      <input type=\"hidden\" name=\"").Append(AuthorizeEndpoint.AntiforgeryField)
            .Append("\" value=\"").Append(html.Encode(antiforgeryToken)).Append("\">\n").ToString();
    }

    /// <summary>The page around <paramref name="main"/>: no script, inline styles only (<see cref="StrictPageHeaders"/>).</summary>
    public static string Layout(string title, string main) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="robots" content="noindex">
          <title>{{HtmlEncoder.Default.Encode(title)}} · CertifyTrack</title>
          <style>
            body { font-family: system-ui, sans-serif; max-width: 24rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5; }
            label { display: block; margin-top: 1rem; font-weight: 600; }
            input[type=text], input[type=password] { width: 100%; padding: .5rem; font-size: 1rem; box-sizing: border-box; }
            button { margin-top: 1.5rem; padding: .6rem 1.2rem; font-size: 1rem; }
            [role=alert] { color: #a00000; font-weight: 600; }
            :focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
          </style>
        </head>
        <body>
          <main>
        {{main}}
          </main>
        </body>
        </html>
        """;
}
