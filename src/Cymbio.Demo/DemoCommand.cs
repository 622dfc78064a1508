using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Emulator;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Cymbio.Demo;

/// <summary>The command line: <c>--environment emulator|staging</c> and <c>--help</c>; exit codes 0 (done), 1 (the sync failed), 2 (usage or configuration).</summary>
internal static class DemoCommand
{
    /// <summary>The exit code of a usage or configuration error.</summary>
    public const int UsageError = 2;

    /// <summary>The exit code of a failed run.</summary>
    public const int Failed = 1;

    private const string Description = """
        Runs a supplier order sync with the Cymbio SDK: fetches the new fulfillments (retailer state ordered, fulfillment
        state new), accepts them, ships them with tracking numbers, pushes inventory to a warehouse and reads it back,
        approves the cancellations retailers asked for, and shows a call refused for a scope the grants lack. Ends with a
        summary: calls by operation, token requests, scopes used vs granted.

        Modes:
          emulator (default)  Starts an embedded Cymbio emulator on 127.0.0.1 and runs against it as supplier 88 with the
                              emulator's test account. Needs no configuration.
          staging             Runs against Cymbio staging (https://cymbio3-api-staging.cym.bio/) with your credentials,
                              from environment variables or user secrets:
                                CYMBIO__CLIENTID      (user secret Cymbio:ClientId)
                                CYMBIO__CLIENTSECRET  (user secret Cymbio:ClientSecret)
                                CYMBIO__SUPPLIERID    (user secret Cymbio:SupplierId)
                                CYMBIO__USERNAME, CYMBIO__PASSWORD  optional: the password grant instead of client_credentials
                              e.g. dotnet user-secrets --project src/Cymbio.Demo set Cymbio:ClientId <id>
                              Secrets are never printed.

        The emulator serves a live page of tokens, requests, denials and fault switches; the demo prints its address.
        With --dashboard the emulator keeps running after the run, until Ctrl+C, so that you can look at it.

        Exit codes: 0 done, 1 the sync failed, 2 bad options or missing credentials.
        """;

    /// <summary>Parses <paramref name="args"/> and runs the demo.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="console">Where the run and the help go.</param>
    /// <param name="error">Where usage and configuration errors go.</param>
    /// <param name="configuration">Where staging credentials are read from.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter error, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var environment = new Option<string>("--environment", "-e")
        {
            Description = "Where to run: emulator (the default; embedded, no configuration) or staging (Cymbio staging; needs credentials).",
            DefaultValueFactory = static _ => "emulator",
            HelpName = "emulator|staging",
        };
        environment.AcceptOnlyFromAmong("emulator", "staging");
        var dashboard = new Option<bool>("--dashboard")
        {
            Description = "Keep the embedded emulator and its live dashboard running after the run, until Ctrl+C (emulator mode only).",
        };
        var root = new RootCommand(Description) { environment, dashboard };
        root.SetAction(async (parse, token) =>
        {
            var target = string.Equals(parse.GetValue(environment), "staging", StringComparison.Ordinal) ? DemoEnvironment.Staging : DemoEnvironment.Emulator;
            if (parse.GetValue(dashboard) && target == DemoEnvironment.Staging)
            {
                await error.WriteLineAsync("--dashboard shows the embedded emulator's live page; it cannot be used with --environment staging.").ConfigureAwait(false);
                return UsageError;
            }

            return await RunTargetAsync(target, parse.GetValue(dashboard), console, error, configuration, token).ConfigureAwait(false);
        });

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run with --help for the options.").ConfigureAwait(false);
            return UsageError;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = console.Profile.Out.Writer,
            Error = error,
            // The caller's token carries Ctrl+C (Program.cs): System.CommandLine's own handler would end the process
            // with 130 before the run could finish cleanly.
            ProcessTerminationTimeout = null,
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> RunTargetAsync(DemoEnvironment target, bool keepDashboard, IAnsiConsole console, TextWriter error, IConfiguration configuration, CancellationToken cancellationToken)
    {
        try
        {
            if (target == DemoEnvironment.Staging)
            {
                var credentials = DemoCredentials.Read(configuration, out var problems);
                if (credentials is null)
                {
                    await error.WriteLineAsync($"--environment staging needs Cymbio credentials. Missing or invalid: {string.Join("; ", problems)}.").ConfigureAwait(false);
                    await error.WriteLineAsync("Set them as environment variables or user secrets (see --help), or run without --environment for the embedded emulator.").ConfigureAwait(false);
                    return UsageError;
                }

                var staging = await new DemoRun(console).RunAsync(DemoClientOptions.ForStaging(credentials), $"Cymbio staging ({CymbioEnvironments.Staging})", cancellationToken).ConfigureAwait(false);
                return staging.ExitCode;
            }

            await using var emulator = await CymbioEmulator.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            console.MarkupLineInterpolated($"Live dashboard: [link]{emulator.DashboardAddress}[/] (tokens, requests, denials and fault switches as they happen)");
            var outcome = await new DemoRun(console).RunAsync(DemoClientOptions.ForEmulator(emulator), $"embedded emulator at {emulator.BaseAddress}", cancellationToken).ConfigureAwait(false);
            if (keepDashboard)
            {
                await DemoDashboard.KeepOpenAsync(emulator, console, cancellationToken).ConfigureAwait(false);
            }

            return outcome.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return Failed;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"The demo failed: {DemoRun.Describe(ex) ?? ex.Message}").ConfigureAwait(false);
            return Failed;
        }
    }
}
