using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Cymbio.Client.Tests.Runtime.Security;

/// <summary>A read-once stream: not seekable, so no one can rewind it to send it again.</summary>
public sealed class NonSeekableStream(byte[] data) : Stream
{
    private readonly MemoryStream _inner = new(data);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Shared setup for the D–G scenarios.</summary>
internal static class SecurityKit
{
    public const string ClientId = "cid";
    public const string ClientSecret = "cs-not-a-sentinel";
    public const string Username = "user@example.com";
    public const string Password = "pw-not-a-sentinel";

    /// <summary>A bound on every await that fake time could otherwise leave hanging.</summary>
    public static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Password-grant options against <paramref name="server"/>.</summary>
    public static CymbioClientOptions Options(ScriptedCymbioServer server, params string[] grants) => Options(server.BaseAddress, grants);

    /// <summary>Password-grant options against <paramref name="baseAddress"/>.</summary>
    public static CymbioClientOptions Options(Uri baseAddress, params string[] grants)
    {
        var options = new CymbioClientOptions
        {
            Environment = CymbioEnvironment.Custom,
            BaseAddress = baseAddress,
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            Username = Username,
            Password = Password,
        };
        foreach (var grant in grants.Length == 0 ? [CymbioScopes.ReadOrders, CymbioScopes.WriteInventory] : grants)
        {
            options.Grants.Add(grant);
        }

        return options;
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="target"/> (for <c>AddCymbio(o => ...)</c>).</summary>
    public static void CopyTo(this CymbioClientOptions source, CymbioClientOptions target)
    {
        target.Environment = source.Environment;
        target.BaseAddress = source.BaseAddress;
        target.ClientId = source.ClientId;
        target.ClientSecret = source.ClientSecret;
        target.Username = source.Username;
        target.Password = source.Password;
        target.GrantType = source.GrantType;
        target.ScopeStrategy = source.ScopeStrategy;
        target.Grants.Clear();
        foreach (var grant in source.Grants)
        {
            target.Grants.Add(grant);
        }
    }

    /// <summary>401 with an RFC 6750 <c>invalid_token</c> challenge.</summary>
    public static ScriptedResponse Unauthorized() =>
        ScriptedResponse.Json(401, """{"message":"Unauthorized"}""").WithHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");

    /// <summary>403 with an RFC 6750 <c>insufficient_scope</c> challenge naming <paramref name="scope"/>.</summary>
    public static ScriptedResponse InsufficientScope(string scope) =>
        ScriptedResponse.Json(403, """{"message":"Forbidden"}""")
            .WithHeader("WWW-Authenticate", $"Bearer error=\"insufficient_scope\", scope=\"{scope}\"");

    /// <summary>
    /// The first <typeparamref name="T"/> in <paramref name="exception"/>'s chain of inner exceptions (Refit may wrap what
    /// a handler throws), or <see langword="null"/>.
    /// </summary>
    public static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>Every exception in <paramref name="exception"/>'s chain, aggregates expanded.</summary>
    public static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    /// <summary>Runs <paramref name="call"/> and returns what it threw (fails when it did not throw).</summary>
    public static async Task<Exception> CatchAsync(Func<Task> call)
    {
        try
        {
            await call().WaitAsync(RealTimeout);
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new Xunit.Sdk.XunitException("The call was expected to fail but succeeded.");
    }

    /// <summary>
    /// Advances <paramref name="time"/> by <paramref name="step"/> (with a few real milliseconds between steps, for the
    /// HTTP I/O to progress) until <paramref name="done"/>; fails after <paramref name="maxAdvance"/> of fake time or
    /// <see cref="RealTimeout"/> of real time.
    /// </summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> done, TimeSpan step, TimeSpan maxAdvance)
    {
        var advanced = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        while (!done())
        {
            if (advanced >= maxAdvance || watch.Elapsed > RealTimeout)
            {
                throw new TimeoutException($"Condition not reached after advancing fake time by {advanced} ({watch.Elapsed} real).");
            }

            time.Advance(step);
            advanced += step;
            await Task.Delay(5);
        }
    }

    /// <summary>As <see cref="AdvanceUntilAsync"/>, until <paramref name="task"/> completes; returns it.</summary>
    public static async Task<Task> AdvanceUntilCompleteAsync(FakeTimeProvider time, Task task, TimeSpan step, TimeSpan maxAdvance)
    {
        await AdvanceUntilAsync(time, () => task.IsCompleted, step, maxAdvance);
        return task;
    }

    /// <summary>Waits (real time, bounded, polling) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > RealTimeout)
            {
                throw new TimeoutException("Condition not reached in time.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Bounds <paramref name="task"/> in real time.</summary>
    public static Task<T> Bounded<T>(this Task<T> task) => task.WaitAsync(RealTimeout);

    /// <summary>Bounds <paramref name="task"/> in real time.</summary>
    public static Task Bounded(this Task task) => task.WaitAsync(RealTimeout);
}
