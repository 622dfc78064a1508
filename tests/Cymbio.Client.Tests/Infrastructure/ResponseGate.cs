using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Cymbio.Client.Tests.Infrastructure;

/// <summary>
/// Holds responses back until released. A request has already been recorded and its script has already run when it
/// reaches the gate; only the writing of its response waits. Open by default.
/// </summary>
public sealed class ResponseGate
{
    private readonly object _sync = new();
    private readonly LinkedList<TaskCompletionSource> _waiting = new();
    private readonly CountSignal _waitingSignal;
    private bool _held;

    internal ResponseGate(string name) => _waitingSignal = new CountSignal(name);

    /// <summary>Whether the gate is holding responses.</summary>
    public bool IsHeld
    {
        get
        {
            lock (_sync)
            {
                return _held;
            }
        }
    }

    /// <summary>How many responses are waiting at the gate now.</summary>
    public int WaitingCount
    {
        get
        {
            lock (_sync)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Closes the gate; disposing the result is <see cref="Release"/>.</summary>
    public IDisposable Hold()
    {
        lock (_sync)
        {
            _held = true;
        }

        return new Releaser(this);
    }

    /// <summary>Opens the gate: every waiting response and every later one goes through.</summary>
    public void Release()
    {
        TaskCompletionSource[] released;
        lock (_sync)
        {
            _held = false;
            released = [.. _waiting];
            _waiting.Clear();
            _waitingSignal.Set(0);
        }

        foreach (var waiter in released)
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>Lets the oldest waiting response through and keeps the gate closed; false when none was waiting.</summary>
    public bool ReleaseOne()
    {
        TaskCompletionSource? released = null;
        lock (_sync)
        {
            if (_waiting.First is { } first)
            {
                released = first.Value;
                _waiting.RemoveFirst();
                _waitingSignal.Set(_waiting.Count);
            }
        }

        return released?.TrySetResult() ?? false;
    }

    /// <summary>
    /// Waits (real time, bounded) until at least <paramref name="count"/> responses are waiting at the gate; throws
    /// <see cref="TimeoutException"/> after <paramref name="timeout"/> (default <see cref="ScriptedCymbioServer.DefaultWaitTimeout"/>).
    /// </summary>
    public Task WaitForWaitingAsync(int count, TimeSpan? timeout = null) =>
        _waitingSignal.WaitAsync(count, timeout ?? ScriptedCymbioServer.DefaultWaitTimeout);

    internal Task PassAsync(CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource> node;
        lock (_sync)
        {
            if (!_held)
            {
                return Task.CompletedTask;
            }

            node = _waiting.AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            _waitingSignal.Set(_waiting.Count);
        }

        return WaitAsync(node, cancellationToken);
    }

    private async Task WaitAsync(LinkedListNode<TaskCompletionSource> node, CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(() =>
        {
            lock (_sync)
            {
                if (node.List is not null)
                {
                    _waiting.Remove(node);
                    _waitingSignal.Set(_waiting.Count);
                }
            }

            node.Value.TrySetCanceled(cancellationToken);
        }).ConfigureAwait(false);
        await node.Value.Task.ConfigureAwait(false);
    }

    private sealed class Releaser(ResponseGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

/// <summary>A value that tasks can wait to reach a threshold (real time, bounded).</summary>
internal sealed class CountSignal(string what)
{
    private readonly object _sync = new();
    private readonly List<(int Target, TaskCompletionSource Signal)> _waiters = [];
    private int _value;

    public int Value
    {
        get
        {
            lock (_sync)
            {
                return _value;
            }
        }
    }

    public int Increment()
    {
        lock (_sync)
        {
            Set(_value + 1);
            return _value;
        }
    }

    public void Set(int value)
    {
        List<TaskCompletionSource>? reached = null;
        lock (_sync)
        {
            _value = value;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Target <= value)
                {
                    (reached ??= []).Add(_waiters[i].Signal);
                    _waiters.RemoveAt(i);
                }
            }
        }

        // RunContinuationsAsynchronously: no waiter's continuation runs inside a caller's lock.
        reached?.ForEach(signal => signal.TrySetResult());
    }

    public async Task WaitAsync(int target, TimeSpan timeout)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = (target, signal);
        lock (_sync)
        {
            if (_value >= target)
            {
                return;
            }

            _waiters.Add(entry);
        }

        try
        {
            await signal.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_sync)
            {
                _waiters.Remove(entry);
            }

            throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.###} s waiting for {target} {what}; {Value} so far.");
        }
    }
}
