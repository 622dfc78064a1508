using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Cymbio.Emulator;

/// <summary>Writes the emulator's answers: Cymbio's <c>{"message": …}</c> errors, OAuth errors, and JSON bodies.</summary>
internal static class EmulatorResponses
{
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>An API error, Cymbio's shape: <c>{"message": "…"}</c>.</summary>
    public static Task WriteMessageAsync(HttpContext context, int statusCode, string message) =>
        WriteAsync(context, statusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteEndObject();
        });

    /// <summary>A token-endpoint error, RFC 6749 §5.2: <c>{"error": …, "error_description": …}</c>.</summary>
    public static Task WriteOAuthErrorAsync(HttpContext context, int statusCode, string error, string description)
    {
        context.Response.Headers.CacheControl = "no-store";
        return WriteAsync(context, statusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", error);
            writer.WriteString("error_description", description);
            writer.WriteEndObject();
        });
    }

    /// <summary>A JSON body from Cymbio.Api's serializer context.</summary>
    public static async Task WriteJsonAsync<T>(HttpContext context, int statusCode, T value, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = JsonContentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, value, typeInfo, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A JSON body written by hand.</summary>
    public static async Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = JsonContentType;
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// RFC 6750 §3: <c>Bearer realm="Cymbio", error="…", error_description="…"</c>, plus <c>scope="…"</c> for
    /// <c>insufficient_scope</c>.
    /// </summary>
    public static void SetBearerChallenge(HttpContext context, string error, string description, ScopeSet? scope = null)
    {
        var value = new StringBuilder("Bearer realm=\"Cymbio\", error=\"").Append(error)
            .Append("\", error_description=\"").Append(Quote(description)).Append('"');
        if (scope is not null)
        {
            value.Append(", scope=\"").Append(scope).Append('"');
        }

        context.Response.Headers[HeaderNames.WWWAuthenticate] = value.ToString();
    }

    /// <summary>A 200 whose body claims JSON and is not.</summary>
    public static Task WriteMalformedJsonAsync(HttpContext context, bool tokenEndpoint)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonContentType;
        return context.Response.WriteAsync(tokenEndpoint ? "{\"access_token\": \"eyJ" : "[{\"id\": 929, \"fulfillment_state\": ", context.RequestAborted);
    }

    private static string Quote(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
