using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Cymbio.Emulator.Tests.Dashboard;

/// <summary>A real client of the dashboard's server-sent events over loopback: reads events one at a time.</summary>
internal sealed class DashboardEventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private DashboardEventStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public string ContentType => _response.Content.Headers.ContentType?.MediaType ?? string.Empty;

    public static async Task<DashboardEventStream> OpenAsync(HttpClient http, CymbioEmulator emulator)
    {
        var response = await http.GetAsync(new Uri(emulator.DashboardAddress!, "events"), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        return new DashboardEventStream(response, reader);
    }

    /// <summary>The next event (its name and its parsed data), waiting at most <paramref name="timeout"/>.</summary>
    public async Task<(string Event, JsonElement Data)> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        string? name = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancel.Token) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null)
            {
                using var document = JsonDocument.Parse(line["data: ".Length..]);
                return (name, document.RootElement.Clone());
            }
        }
    }

    /// <summary>Skips events until one named <paramref name="name"/> whose data matches, within <paramref name="timeout"/> in all.</summary>
    public async Task<JsonElement> NextAsync(string name, Func<JsonElement, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var (kind, data) = await NextAsync(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
            if (kind == name && match(data))
            {
                return data;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
