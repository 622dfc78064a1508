using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Api;

/// <summary>Turns Cymbio's error responses into <see cref="CymbioApiException"/> (Refit's exception factory).</summary>
internal static class CymbioApiErrors
{
    /// <summary>The longest server message kept.</summary>
    public const int MaxMessageLength = 512;

    private static readonly HttpRequestOptionsKey<Type> InterfaceTypeKey = new("Refit.InterfaceType");
    private static readonly HttpRequestOptionsKey<string> MethodNameKey = new("Refit.MethodName");

    /// <summary>Returns the exception for an error response, or <see langword="null"/> for a success.</summary>
    /// <param name="response">The response.</param>
    /// <param name="settings">The Refit settings of the client.</param>
    /// <returns>The exception, or <see langword="null"/>.</returns>
    public static async ValueTask<Exception?> CreateAsync(HttpResponseMessage response, RefitSettings settings)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var request = response.RequestMessage ?? throw new InvalidOperationException("The response has no request message; the transport must set HttpResponseMessage.RequestMessage.");
        var content = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return new CymbioApiException(Operation(request), Message(content), request, content, response.StatusCode, response.ReasonPhrase, response.Headers, settings);
    }

    /// <summary>The <c>message</c> of a <c>{"message": "..."}</c> body, cleaned; <see langword="null"/> for any other body.</summary>
    /// <param name="content">The body.</param>
    /// <returns>The message, or <see langword="null"/>.</returns>
    internal static string? Message(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(content, CymbioApiJsonContext.Default.CymbioErrorBody)?.Message is { } message ? Clean(message) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Server text made safe to log (<see cref="ServerText.Printable"/>): at most <see cref="MaxMessageLength"/> characters.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cleaned text, or <see langword="null"/> when nothing is left.</returns>
    internal static string? Clean(string text) => ServerText.Printable(text, MaxMessageLength);

    private static string Operation(HttpRequestMessage request) =>
        request.Options.TryGetValue(InterfaceTypeKey, out var type) && request.Options.TryGetValue(MethodNameKey, out var method)
            ? type.Name + "." + method
            : request.Method + " " + request.RequestUri?.AbsolutePath;
}
