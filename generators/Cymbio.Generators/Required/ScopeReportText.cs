using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cymbio.Generators;

/// <summary>
/// The scope report as JSON (for tools) and Markdown (for a reviewer): each required scope with the calls that need it,
/// each declared grant with whether the code needs it, and the required scopes no declared grant covers.
/// </summary>
internal static class ScopeReportText
{
    public static string Json(ScopeReportModel model)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("assembly", model.Assembly);
            WriteArray(json, "required", model.Required.All);
            WriteArray(json, "project", model.Required.Project);
            json.WriteStartArray("scopes");
            foreach (var scope in model.Required.All)
            {
                json.WriteStartObject();
                json.WriteString("scope", scope);
                json.WriteStartArray("calls");
                foreach (var call in CallsOf(model, scope))
                {
                    json.WriteStartObject();
                    json.WriteString("file", Relative(model, call.File));
                    json.WriteNumber("line", call.Line);
                    json.WriteString("method", call.Caller);
                    json.WriteString("calls", call.Callee);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                WriteArray(json, "referencedAssemblies", model.Required.Referenced.Where(r => r.Scopes.Contains(scope)).Select(static r => r.Assembly));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("grants");
            foreach (var grant in model.Grants)
            {
                json.WriteStartObject();
                json.WriteString("scope", grant.Scope);
                json.WriteString("declaredBy", grant.Source);
                json.WriteString("file", Relative(model, grant.File));
                json.WriteNumber("line", grant.Line);
                json.WriteBoolean("used", model.Required.All.Contains(grant.Scope));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteArray(json, "overGranted", OverGranted(model));
            WriteArray(json, "notGranted", NotGranted(model));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Markdown(ScopeReportModel model)
    {
        var md = new StringBuilder();
        md.Append("# Cymbio scope report: ").Append(Cell(model.Assembly)).Append('\n').Append('\n');
        md.Append("Required scopes (").Append(model.Required.All.Count()).Append("): ").Append(Codes(model.Required.All)).Append('\n').Append('\n');
        md.Append("## Required scopes and the calls that need them\n\n");
        md.Append("| Scope | File | Line | Method | Calls |\n|---|---|---:|---|---|\n");
        foreach (var scope in model.Required.All)
        {
            foreach (var call in CallsOf(model, scope))
            {
                md.Append("| `").Append(scope).Append("` | ").Append(Cell(Relative(model, call.File))).Append(" | ").Append(call.Line)
                  .Append(" | ").Append(Cell(call.Caller)).Append(" | ").Append(Cell(call.Callee)).Append(" |\n");
            }

            foreach (var referenced in model.Required.Referenced.Where(r => r.Scopes.Contains(scope)))
            {
                md.Append("| `").Append(scope).Append("` | ").Append(Cell(referenced.Assembly)).Append(" (referenced assembly) |  |  |  |\n");
            }
        }

        md.Append('\n').Append("## Declared grants\n\n");
        if (model.Grants.IsEmpty)
        {
            md.Append("None: the project declares no grants (`scopes.json` `grants` or `[CymbioGrants]`).\n");
        }
        else
        {
            md.Append("| Scope | Declared by | File | Line | Used by the code |\n|---|---|---|---:|---|\n");
            foreach (var grant in model.Grants)
            {
                md.Append("| `").Append(grant.Scope).Append("` | ").Append(Cell(grant.Source)).Append(" | ").Append(Cell(Relative(model, grant.File))).Append(" | ")
                  .Append(grant.Line == 0 ? string.Empty : grant.Line.ToString(System.Globalization.CultureInfo.InvariantCulture))
                  .Append(" | ").Append(model.Required.All.Contains(grant.Scope) ? "yes" : "**no: over-granted**").Append(" |\n");
            }
        }

        md.Append('\n').Append("Over-granted (declared, not required): ").Append(Codes(OverGranted(model))).Append('\n').Append('\n');
        md.Append("Not granted (required, not declared): ").Append(Codes(NotGranted(model))).Append('\n');
        return md.ToString();
    }

    private static IEnumerable<ScopedCall> CallsOf(ScopeReportModel model, string scope) => model.Calls.Where(call => call.Scopes.Contains(scope));

    private static List<string> OverGranted(ScopeReportModel model) =>
        model.Grants.Select(static g => g.Scope).Where(scope => !model.Required.All.Contains(scope)).Distinct(StringComparer.Ordinal).OrderBy(static s => s, StringComparer.Ordinal).ToList();

    private static List<string> NotGranted(ScopeReportModel model) =>
        model.Grants.IsEmpty ? new List<string>() : model.Required.All.Where(scope => !model.Grants.Any(g => g.Scope == scope)).ToList();

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>The path relative to the project's folder, with '/' separators, when it is inside it.</summary>
    private static string Relative(ScopeReportModel model, string path)
    {
        var directory = model.ProjectDirectory.TrimEnd('/', '\\');
        if (directory.Length > 0 && path.StartsWith(directory, StringComparison.OrdinalIgnoreCase) && path.Length > directory.Length && path[directory.Length] is '/' or '\\')
        {
            path = path.Substring(directory.Length + 1);
        }

        return path.Replace('\\', '/');
    }

    private static string Codes(IEnumerable<string> scopes)
    {
        var list = scopes.Select(static s => "`" + s + "`").ToList();
        return list.Count == 0 ? "none" : string.Join(" ", list);
    }

    /// <summary>Text for a table cell: one line, no cell separators.</summary>
    private static string Cell(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '|' => "\\|",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => " ",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
