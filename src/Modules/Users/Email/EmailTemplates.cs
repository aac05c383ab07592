using System.Net;
using CertifyTrack.Shared.Email;
using Scriban;
using Scriban.Runtime;

namespace CertifyTrack.Modules.Users.Email;

/// <summary>
/// Renders <see cref="EmailTemplate"/>s with Scriban. Templates see only a
/// <see cref="ScriptObject"/> of the message's string values — no .NET object, no member access
/// beyond them, no includes; body values are HTML-encoded before the template sees them.
/// Templates parse once, at the first use.
/// </summary>
internal sealed class EmailTemplates(IEnumerable<EmailTemplate> templates)
{
    private readonly Lazy<IReadOnlyDictionary<string, (Template Subject, Template Body)>> parsed = new(() => Parse(templates));

    public (string Subject, string HtmlBody) Render(EmailMessage message) => RenderMany([message])[0];

    /// <summary>
    /// Renders several messages with one pair of Scriban contexts (building a context is most of the
    /// cost of a short template): each message's values are pushed as the globals, rendered, popped.
    /// </summary>
    public IReadOnlyList<(string Subject, string HtmlBody)> RenderMany(IEnumerable<EmailMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var plain = NewContext();
        var html = NewContext();
        var rendered = new List<(string, string)>();
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message);
            if (!parsed.Value.TryGetValue(message.Template, out var template))
            {
                throw new ArgumentException($"No email template is named '{message.Template}'.", nameof(messages));
            }

            var subject = RenderWith(plain, template.Subject, Globals(message.Model, encode: false)).Trim();
            var body = RenderWith(html, template.Body, Globals(message.Model, encode: true));
            rendered.Add((subject.ReplaceLineEndings(" "), body));
        }

        return rendered;
    }

    private static string RenderWith(TemplateContext context, Template template, ScriptObject globals)
    {
        context.PushGlobal(globals);
        context.PushOutput();
        try
        {
            return template.Render(context);
        }
        finally
        {
            context.PopOutput();
            context.PopGlobal();
        }
    }

    private static ScriptObject Globals(IReadOnlyDictionary<string, string?> model, bool encode)
    {
        var globals = new ScriptObject();
        foreach (var (key, value) in model)
        {
            globals.SetValue(key, encode && value is not null ? WebUtility.HtmlEncode(value) : value, readOnly: true);
        }

        return globals;
    }

    private static TemplateContext NewContext() =>
        new() { StrictVariables = true, LoopLimit = 1000, RecursiveLimit = 10, LimitToString = 100_000 };

    private static Dictionary<string, (Template, Template)> Parse(IEnumerable<EmailTemplate> templates)
    {
        var result = new Dictionary<string, (Template, Template)>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            result.Add(template.Name, (Checked(template.Name, template.Subject), Checked(template.Name, template.HtmlBody)));
        }

        return result;
    }

    private static Template Checked(string name, string text)
    {
        var template = Template.Parse(text, name);
        return template.HasErrors
            ? throw new InvalidOperationException($"Email template '{name}' does not parse: {string.Join("; ", template.Messages)}")
            : template;
    }
}
