using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Cymbio.Client.Tests.Infrastructure;

/// <summary>
/// What <see cref="ScriptedCymbioServer"/> answers one request with. Mutable and reusable: the server only reads it, so
/// one instance may answer many requests.
/// </summary>
public sealed class ScriptedResponse
{
    private const string JsonContentType = "application/json";

    // Readable bodies: '+' in minted tokens and scopes stays '+', not \u002B.
    private static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The HTTP status code.</summary>
    public int Status { get; set; } = 200;

    /// <summary>The body, sent as UTF-8 with a Content-Length. <see langword="null"/>: no body and no Content-Type.</summary>
    public string? Body { get; set; }

    /// <summary>The Content-Type sent with <see cref="Body"/> (a "Content-Type" entry in <see cref="Headers"/> wins).</summary>
    public string ContentType { get; set; } = JsonContentType;

    /// <summary>
    /// Extra response headers (Retry-After, Date, WWW-Authenticate, Location, ...), case-insensitive. A value set here
    /// replaces the one Kestrel would send (Kestrel sends a real-clock Date unless a script sets one).
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Abort the connection (TCP reset) instead of answering: the client sees an <c>HttpRequestException</c>.</summary>
    public bool AbortConnection { get; set; }

    /// <summary>Adds (or replaces) a header; returns this response.</summary>
    public ScriptedResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    /// <summary>
    /// A JSON response. A <see cref="string"/> body is sent verbatim (so malformed JSON can be scripted); anything else
    /// is serialized with <see cref="JsonSerializer"/> (relaxed escaping; member names as written: <c>new { access_token = "x" }</c>).
    /// </summary>
    public static ScriptedResponse Json(int status, object? body) => new()
    {
        Status = status,
        Body = body as string ?? (body is null ? "null" : JsonSerializer.Serialize(body, body.GetType(), SerializerOptions)),
    };

    /// <summary>An HTML response (what a proxy, WAF or login page sends).</summary>
    public static ScriptedResponse Html(int status, string html) =>
        new() { Status = status, Body = html, ContentType = "text/html; charset=utf-8" };

    /// <summary>A plain-text response.</summary>
    public static ScriptedResponse Text(int status, string text) =>
        new() { Status = status, Body = text, ContentType = "text/plain; charset=utf-8" };

    /// <summary>A response with no body (Content-Length: 0).</summary>
    public static ScriptedResponse Empty(int status) => new() { Status = status };

    /// <summary>An RFC 6749 §5.2 error: <c>{"error":...,"error_description":...,"error_uri":...}</c> (absent members omitted).</summary>
    public static ScriptedResponse OAuthError(int status, string error, string? description = null, string? errorUri = null) =>
        new()
        {
            Status = status,
            Body = WriteJson(writer =>
            {
                writer.WriteString("error", error);
                WriteIfNotNull(writer, "error_description", description);
                WriteIfNotNull(writer, "error_uri", errorUri);
            }),
        };

    /// <summary>
    /// An RFC 6749 §5.1 success, members in this order: access_token, token_type, expires_in, scope, refresh_token.
    /// <paramref name="expiresIn"/> <see langword="null"/> omits expires_in; <paramref name="scope"/> and
    /// <paramref name="refreshToken"/> <see langword="null"/> omit theirs.
    /// </summary>
    public static ScriptedResponse Token(string accessToken, int? expiresIn = 300, string? scope = null, string? refreshToken = null, string tokenType = "Bearer") =>
        TokenRaw(accessToken, expiresIn?.ToString(CultureInfo.InvariantCulture), scope, refreshToken, tokenType);

    /// <summary>
    /// As <see cref="Token"/>, but expires_in is the raw JSON text <paramref name="expiresInJson"/>, written unvalidated
    /// (<c>"\"300\""</c>, <c>"3.5"</c>, <c>"-1"</c>, <c>"null"</c>, <c>"1e400"</c>, ...); <see langword="null"/> omits it.
    /// </summary>
    public static ScriptedResponse TokenRaw(string accessToken, string? expiresInJson, string? scope = null, string? refreshToken = null, string tokenType = "Bearer") =>
        new ScriptedResponse
        {
            Status = 200,
            Body = WriteJson(writer =>
            {
                writer.WriteString("access_token", accessToken);
                writer.WriteString("token_type", tokenType);
                if (expiresInJson is not null)
                {
                    writer.WritePropertyName("expires_in");
                    writer.WriteRawValue(expiresInJson, skipInputValidation: true);
                }

                WriteIfNotNull(writer, "scope", scope);
                WriteIfNotNull(writer, "refresh_token", refreshToken);
            }),
        }.WithNoStore();

    /// <summary>
    /// The camel-case shape node-oauth2-server returns:
    /// <c>{"accessToken":...,"accessTokenExpiresAt":"2018-04-25T10:05:00.000Z","refreshToken":...,"refreshTokenExpiresAt":...,"scope":...}</c>
    /// (absent members omitted; times in UTC with milliseconds).
    /// </summary>
    public static ScriptedResponse CamelCaseToken(
        string accessToken,
        DateTimeOffset accessTokenExpiresAt,
        string? refreshToken = null,
        string? scope = null,
        DateTimeOffset? refreshTokenExpiresAt = null) =>
        new ScriptedResponse
        {
            Status = 200,
            Body = WriteJson(writer =>
            {
                writer.WriteString("accessToken", accessToken);
                writer.WriteString("accessTokenExpiresAt", FormatInstant(accessTokenExpiresAt));
                WriteIfNotNull(writer, "refreshToken", refreshToken);
                if (refreshTokenExpiresAt is { } refreshExpiry)
                {
                    writer.WriteString("refreshTokenExpiresAt", FormatInstant(refreshExpiry));
                }

                WriteIfNotNull(writer, "scope", scope);
            }),
        }.WithNoStore();

    /// <summary>A redirect (301, 302, 303, 307, 308) to <paramref name="location"/> (relative URIs sent as written).</summary>
    public static ScriptedResponse Redirect(int status, Uri location) =>
        new ScriptedResponse { Status = status }.WithHeader("Location", location.IsAbsoluteUri ? location.AbsoluteUri : location.OriginalString);

    /// <summary>Resets the connection instead of answering.</summary>
    public static ScriptedResponse Abort() => new() { AbortConnection = true };

    /// <summary>
    /// Never completes until <paramref name="requestAborted"/> fires (the client gave up or the server is stopping),
    /// then throws <see cref="OperationCanceledException"/>; the server then aborts the connection. Pass
    /// <see cref="TokenScriptContext.RequestAborted"/> or <see cref="ApiRequestRecord.RequestAborted"/>.
    /// </summary>
    public static async Task<ScriptedResponse> HangAsync(CancellationToken requestAborted)
    {
        await Task.Delay(Timeout.Infinite, requestAborted).ConfigureAwait(false);
        throw new InvalidOperationException("Unreachable: an infinite delay completed.");
    }

    /// <summary>A one-line description for assertion messages.</summary>
    public override string ToString() => AbortConnection ? "abort" : $"{Status} {Body}";

    private ScriptedResponse WithNoStore() => WithHeader("Cache-Control", "no-store");

    private static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void WriteIfNotNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string WriteJson(Action<Utf8JsonWriter> writeMembers)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
