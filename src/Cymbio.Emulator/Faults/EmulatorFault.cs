using System;

namespace Cymbio.Emulator;

/// <summary>
/// A misbehaviour the emulator plays instead of (or before) the normal answer, injected through
/// <see cref="EmulatorFaults"/>: an error status, 429 with <c>Retry-After</c>, a delay, or a 200 whose JSON is broken.
/// </summary>
public abstract record EmulatorFault
{
    private protected EmulatorFault()
    {
    }

    /// <summary>Answers with <paramref name="statusCode"/> and a <c>{"message": …}</c> body (an OAuth error body on the token endpoint).</summary>
    /// <param name="statusCode">The status, for example 500 or 503.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Status(int statusCode)
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A fault status is a 4xx or 5xx code.");
        }

        return new StatusFault(statusCode);
    }

    /// <summary>Answers 429 Too Many Requests with <c>Retry-After</c> in whole seconds.</summary>
    /// <param name="retryAfter">The delay the client is asked to wait.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault TooManyRequests(TimeSpan retryAfter)
    {
        if (retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "Retry-After cannot be negative.");
        }

        return new TooManyRequestsFault(retryAfter);
    }

    /// <summary>
    /// Waits <paramref name="delay"/> on the emulator's clock (<see cref="CymbioEmulatorOptions.TimeProvider"/>), then
    /// answers normally; the wait ends early when the client goes away.
    /// </summary>
    /// <param name="delay">How long to wait.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Delay(TimeSpan delay)
    {
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "A delay cannot be negative.");
        }

        return new DelayFault(delay);
    }

    /// <summary>Answers 200 with <c>Content-Type: application/json</c> and a body that is not valid JSON.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault MalformedJson() => new MalformedJsonFault();

    /// <summary>A short description, for logs and the request log.</summary>
    /// <returns>For example <c>status 503</c> or <c>429 Retry-After 5s</c>.</returns>
    public abstract override string ToString();

    internal sealed record StatusFault(int StatusCode) : EmulatorFault
    {
        public override string ToString() => $"status {StatusCode}";
    }

    internal sealed record TooManyRequestsFault(TimeSpan RetryAfter) : EmulatorFault
    {
        public int Seconds => (int)Math.Ceiling(RetryAfter.TotalSeconds);

        public override string ToString() => $"429 Retry-After {Seconds}s";
    }

    internal sealed record DelayFault(TimeSpan Duration) : EmulatorFault
    {
        public override string ToString() => $"delay {Duration.TotalMilliseconds:0} ms";
    }

    internal sealed record MalformedJsonFault : EmulatorFault
    {
        public override string ToString() => "malformed JSON";
    }
}
