using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;
using Refit;

namespace Cymbio.Api.Tests.Infrastructure;

/// <summary>
/// Refit clients of a <see cref="CymbioClient"/>, each behind a proxy that records which interface method was called
/// before passing the call on: builds an aggregate through <c>TAggregate.Create</c> to see what its wrappers call.
/// </summary>
internal sealed class RecordingApis(CymbioClient client, RefitSettings? settings) : ICymbioApiSource
{
    private readonly ConcurrentQueue<MethodInfo> _calls = new();

    /// <summary>Gets the interface methods called, in order.</summary>
    public IReadOnlyCollection<MethodInfo> Calls => _calls;

    public TApi Get<TApi>()
        where TApi : class
    {
        var proxy = DispatchProxy.Create<TApi, Recorder>();
        var recorder = (Recorder)(object)proxy;
        recorder.Target = client.Create<TApi>(settings);
        recorder.Calls = _calls;
        return proxy;
    }

    /// <summary>The proxy: records, then calls the Refit client. DispatchProxy derives from it, so it cannot be sealed.</summary>
#pragma warning disable CA1852 // DispatchProxy.Create derives its proxy type from this class at run time.
    internal class Recorder : DispatchProxy
#pragma warning restore CA1852
    {
        public object Target { get; set; } = null!;

        public ConcurrentQueue<MethodInfo> Calls { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            Calls.Enqueue(targetMethod!);
            try
            {
                return targetMethod!.Invoke(Target, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }
    }
}
