using System.Text;
using System.Text.Encodings.Web;

namespace CertifyTrack.Modules.Users.Accounts.Links;

/// <summary>
/// The small page an emailed link opens, in the style of the sign-in page: a heading, a short text,
/// messages announced to screen readers (<c>role="alert"</c>) and tied to the fields they concern,
/// and a form whose button does the work (a GET never does: mail scanners prefetch links).
/// </summary>
internal static class AccountLinkPage
{
    public const string TokenField = "token";
    public const string PasswordField = "newPassword";
    public const string ConfirmField = "confirmPassword";
    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>The form, with the messages of a refused attempt if any.</summary>
    public static string Form(AccountLink link, string action, string antiforgeryToken, string token, IReadOnlyList<string> errors)
    {
        var html = HtmlEncoder.Default;
        var invalid = errors.Count > 0 ? " aria-invalid=\"true\"" : "";
        var fields = new StringBuilder();
        if (link.AsksForPassword)
        {
            var describedBy = errors.Count > 0 ? "policy errors" : "policy";
            fields.Append(CultureInvariant($$"""
                      <p id="policy">{{html.Encode(PasswordPolicy.Description)}}</p>
                      <label for="new-password">New password</label>
                      <input id="new-password" name="{{PasswordField}}" type="password" autocomplete="new-password" required minlength="{{PasswordPolicy.MinLength}}" maxlength="{{PasswordPolicy.MaxLength}}" autofocus aria-describedby="{{describedBy}}"{{invalid}}>
                      <label for="confirm-password">Repeat the new password</label>
                      <input id="confirm-password" name="{{ConfirmField}}" type="password" autocomplete="new-password" required aria-describedby="{{describedBy}}"{{invalid}}>

                """));
        }

        return Layout(link.Title, $$"""
                <p>{{html.Encode(link.Intro)}}</p>
            {{Alert(errors)}}
                <form method="post" action="{{html.Encode(action)}}">
                  <input type="hidden" name="{{AntiforgeryField}}" value="{{html.Encode(antiforgeryToken)}}">
                  <input type="hidden" name="{{TokenField}}" value="{{html.Encode(token)}}">
            {{fields}}      <button type="submit">{{html.Encode(link.Button)}}</button>
                </form>
            """);
    }

    /// <summary>An outcome without a form: done, or a link that cannot work (unknown, expired, used).</summary>
    public static string Outcome(AccountLink link, string message, bool success) =>
        Layout(link.Title, success
            ? $"""    <p role="status">{HtmlEncoder.Default.Encode(message)}</p>"""
            : Alert([message]));

    private static string Alert(IReadOnlyList<string> errors)
    {
        if (errors.Count == 0)
        {
            return "    <div id=\"errors\" role=\"alert\" hidden></div>";
        }

        var items = string.Concat(errors.Select(e => $"<li>{HtmlEncoder.Default.Encode(e)}</li>"));
        return $"""    <div id="errors" role="alert"><ul>{items}</ul></div>""";
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static string Layout(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="robots" content="noindex">
          <title>{{HtmlEncoder.Default.Encode(title)}} · CertifyTrack</title>
          <style>
            body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5; }
            label { display: block; margin-top: 1rem; font-weight: 600; }
            input[type=password] { width: 100%; padding: .5rem; font-size: 1rem; box-sizing: border-box; }
            button { margin-top: 1.5rem; padding: .6rem 1.2rem; font-size: 1rem; }
            [role=alert] { color: #a00000; font-weight: 600; }
            :focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
          </style>
        </head>
        <body>
          <main>
            <h1>{{HtmlEncoder.Default.Encode(title)}}</h1>
        {{body}}
          </main>
        </body>
        </html>
        """;
}
