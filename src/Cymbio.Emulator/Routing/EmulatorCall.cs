using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Cymbio.Api;
using Microsoft.AspNetCore.Http;

namespace Cymbio.Emulator;

/// <summary>One authorised API request as a route handler sees it: route values, query, body, caller and data.</summary>
internal sealed class EmulatorCall
{
    /// <summary>What the emulator reads JSON with: comments and trailing commas allowed, as in Cymbio's Postman collection.</summary>
    private static readonly JsonDocumentOptions LenientDocument = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly JsonSerializerOptions ReadOptions = new(CymbioApiJsonContext.Default.Options)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public EmulatorCall(HttpContext http, EmulatorRoute route, EmulatorAccount caller, EmulatorData data, TimeProvider clock)
    {
        Http = http;
        Route = route;
        Caller = caller;
        Data = data;
        Clock = clock;
    }

    public HttpContext Http { get; }

    public EmulatorRoute Route { get; }

    public EmulatorAccount Caller { get; }

    public EmulatorData Data { get; }

    public TimeProvider Clock { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>A numeric route value, for example <c>supplierId</c>; not a number is 400.</summary>
    public long Id(string name)
    {
        var raw = Http.Request.RouteValues[name] as string;
        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw EmulatorRequestException.BadRequest($"The path parameter {name} must be a positive integer.");
    }

    /// <summary>A route value as text.</summary>
    public string Text(string name) => Http.Request.RouteValues[name] as string ?? throw EmulatorRequestException.BadRequest($"The path parameter {name} is missing.");

    /// <summary>A query value, or <see langword="null"/>.</summary>
    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>An optional non-negative integer query value (<c>limit</c>, <c>offset</c>).</summary>
    public int? QueryInt(string name)
    {
        var raw = Query(name);
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw EmulatorRequestException.BadRequest($"The query parameter {name} must be a non-negative integer.");
    }

    /// <summary>The <c>filter</c> query parameter as a JSON object (empty when absent); not a JSON object is 400.</summary>
    public JsonElement Filter()
    {
        var raw = Query("filter");
        if (string.IsNullOrWhiteSpace(raw))
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(raw, LenientDocument);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw EmulatorRequestException.BadRequest("The filter query parameter must be a JSON object.");
        }
        catch (JsonException)
        {
            throw EmulatorRequestException.BadRequest("The filter query parameter is not valid JSON.");
        }
    }

    /// <summary>
    /// Reads the JSON body as <typeparamref name="T"/> (comments and trailing commas allowed, as in Cymbio's Postman
    /// collection); a missing, malformed, mistyped or oversized body is 4xx.
    /// </summary>
    /// <param name="typeInfo">The type's metadata in <see cref="CymbioApiJsonContext"/>; read with the lenient options.</param>
    public async Task<T> BodyAsync<T>(JsonTypeInfo<T> typeInfo)
    {
        var info = (JsonTypeInfo<T>)ReadOptions.GetTypeInfo(typeInfo.Type);
        T? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync(Http.Request.Body, info, Http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            // A syntax error comes from the reader (the serializer wraps it, keeping it as the inner exception); a
            // value of the wrong type comes from the serializer itself, with the path of the member.
            throw EmulatorRequestException.BadRequest(Http.Request.ContentLength is 0
                ? "The request needs a JSON body."
                : ex.InnerException is JsonException || ex.Path is not { Length: > 1 }
                    ? "The request body is not valid JSON."
                    : $"The request body does not match this route's JSON at {ex.Path}.");
        }

        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new EmulatorRequestException(StatusCodes.Status413PayloadTooLarge, "The request body is too large.");
        }

        return value ?? throw EmulatorRequestException.BadRequest("The request body must not be null.");
    }

    /// <summary>
    /// Reads a body that must be an empty JSON object's worth of nothing (Cymbio.Api's <see cref="EmptyRequest"/>, which
    /// has no constructor the JSON reader can call): any JSON object is accepted and ignored; anything else is 400.
    /// </summary>
    public async Task EmptyBodyAsync()
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(Http.Request.Body, LenientDocument, Http.RequestAborted).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw EmulatorRequestException.BadRequest("The request body must be a JSON object, for example {}.");
            }
        }
        catch (JsonException)
        {
            throw EmulatorRequestException.BadRequest(Http.Request.ContentLength is 0 ? "The request needs a JSON body, for example {}." : "The request body is not valid JSON.");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new EmulatorRequestException(StatusCodes.Status413PayloadTooLarge, "The request body is too large.");
        }
    }

    /// <summary>Applies <c>limit</c> and <c>offset</c> (pass-through pagination) to a list.</summary>
    public IReadOnlyList<T> Page<T>(IEnumerable<T> items)
    {
        var offset = QueryInt("offset") ?? 0;
        var limit = QueryInt("limit");
        var page = items.Skip(offset);
        return (limit is { } l ? page.Take(l) : page).ToArray();
    }

    /// <summary>Answers 200 (or <paramref name="statusCode"/>) with a JSON body.</summary>
    public Task OkAsync<T>(T value, JsonTypeInfo<T> typeInfo, int statusCode = StatusCodes.Status200OK) =>
        EmulatorResponses.WriteJsonAsync(Http, statusCode, value, typeInfo);

    /// <summary>
    /// Answers 200 with a JSON body, keeping only the members the <c>fields</c> query parameter names (comma-separated;
    /// docs/cymbio-api.md §2.3) when it is given.
    /// </summary>
    public Task OkProjectedAsync<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var fields = Query("fields");
        if (string.IsNullOrWhiteSpace(fields))
        {
            return OkAsync(value, typeInfo);
        }

        var keep = fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var node = JsonSerializer.SerializeToNode(value, typeInfo);
        foreach (var item in node is JsonArray array ? array.OfType<JsonObject>() : node is JsonObject single ? [single] : [])
        {
            foreach (var name in item.Select(static p => p.Key).Where(k => !keep.Contains(k)).ToArray())
            {
                item.Remove(name);
            }
        }

        return EmulatorResponses.WriteAsync(Http, StatusCodes.Status200OK, writer => (node ?? JsonValue.Create((string?)null))?.WriteTo(writer));
    }

    /// <summary>Answers Cymbio's action result, <c>{"success": true, "message": …}</c>.</summary>
    public Task SuccessAsync(string message, int statusCode = StatusCodes.Status200OK) =>
        OkAsync(new CymbioActionResult(true, message), CymbioApiJsonContext.Default.CymbioActionResult, statusCode);

    /// <summary>The body as a stream, for handlers that read it themselves.</summary>
    public Stream Body => Http.Request.Body;
}
