using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Apis;
using Cymbio.Client.Tests.Infrastructure;
using Cymbio.Client.Tests.Runtime.Harness;
using Cymbio.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Cymbio.Client.Tests.Runtime;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddCymbio_FromConfiguration_BindsEverything_AndCallsThroughTheRegisteredClient()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var account = emulator.Account(EmulatorAccounts.Supplier);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cymbio:Environment"] = "Custom",
            ["Cymbio:BaseAddress"] = emulator.BaseAddress.AbsoluteUri,
            ["Cymbio:ClientId"] = account.ClientId,
            ["Cymbio:ClientSecret"] = account.ClientSecret,
            ["Cymbio:GrantType"] = "ClientCredentials",
            ["Cymbio:SupplierId"] = "88",
            ["Cymbio:RetailerId"] = "7",
            ["Cymbio:Grants:0"] = "read:orders",
            ["Cymbio:Grants:1"] = "write:fulfillments",
            ["Cymbio:ScopeStrategy"] = "LeastPrivilege",
            ["Cymbio:Tokens:RefreshAfter"] = "0.7",
            ["Cymbio:Tokens:MaxRetries"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddCymbio(configuration.GetSection("Cymbio")).AddClient<ISmokeApi>(useStandardResilience: false);
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var options = provider.GetRequiredService<IOptions<CymbioClientOptions>>().Value;
        Assert.Equal(CymbioEnvironment.Custom, options.Environment);
        Assert.Equal(emulator.BaseAddress, options.BaseAddress);
        Assert.Equal(CymbioGrantType.ClientCredentials, options.EffectiveGrantType);
        Assert.Equal(88, options.SupplierId);
        Assert.Equal(7, options.RetailerId);
        Assert.Equal(new[] { "read:orders", "write:fulfillments" }, options.Grants);
        Assert.Equal(CymbioScopeStrategy.LeastPrivilege, options.ScopeStrategy);
        Assert.Equal(0.7, options.Tokens.RefreshAfter);
        Assert.Equal(1, options.Tokens.MaxRetries);

        await provider.GetRequiredService<ISmokeApi>().ListAsync(88);
        Assert.Equal("read:orders", Assert.Single(emulator.Tokens.Issued).Scopes.ToString()); // least privilege: the operation's scopes only
        Assert.Equal(1, emulator.Requests.TokenRequests("client_credentials"));
        Assert.Equal(1, emulator.Requests.TokenRequests());
        Assert.Equal(1, emulator.Requests.Calls("GET", "/v3/suppliers/{supplierId}/fulfillments", 200));
    }

    [Fact]
    public async Task AddClient_WithSettingsOnTheUsersJsonContext_SendsAndReadsTheirModels()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        server.ApiScript = request => Task.FromResult(ScriptedResponse.Json(200, request.Method == "GET" ? """{"id":42,"name":"canned"}""" : "{}"));
        var services = new ServiceCollection();
        services.AddCymbio(options => RuntimeHarness.ClientCredentialsOptions(server, grants: [CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments]).CopyTo(options))
            .AddClient<IFulfillmentsApi>(Refit.RefitSettings.ForJsonContext(TestJsonContext.Default), useStandardResilience: false);
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        var api = provider.GetRequiredService<IFulfillmentsApi>();

        Assert.Equal(new Resource(42, "canned"), await api.GetAsync(88, 929));
        await api.UpdateAsync(929, new Resource(7, "shipment"));

        Assert.Equal("""{"id":7,"name":"shipment"}""", server.ApiRequests[^1].RawBody);
        Assert.Empty(server.ScriptFailures);
    }

    [Fact]
    public async Task AddClient_WithoutAJsonContext_FailsOnTheFirstModel_UnderRefit17()
    {
        // What the README's quick start did before it gave the user's models a context: Refit 17 has no reflection-based
        // JSON, so a model result fails on the first response.
        await using var server = await ScriptedCymbioServer.StartAsync();
        server.ApiScript = _ => Task.FromResult(ScriptedResponse.Json(200, """{"id":42,"name":"canned"}"""));
        var services = new ServiceCollection();
        services.AddCymbio(options => RuntimeHarness.ClientCredentialsOptions(server).CopyTo(options)).AddClient<IFulfillmentsApi>(useStandardResilience: false);
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var thrown = await Assert.ThrowsAsync<Refit.ApiException>(() => provider.GetRequiredService<IFulfillmentsApi>().GetAsync(88, 929));
        Assert.IsType<NotSupportedException>(thrown.InnerException);
        Assert.Contains("RefitSettings.ForJsonContext", thrown.InnerException.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupValidation_ReportsEveryProblemAtOnce()
    {
        var services = new ServiceCollection();
        services.AddCymbio(o =>
        {
            o.Environment = CymbioEnvironment.Custom;
            o.BaseAddress = new Uri("http://cymbio.example.com/");
            o.Username = "user";
#pragma warning disable CYM0006 // Unknown scope: the compiler catches these typos too; this test is about startup validation.
            o.Grants.Add("read:ordrs");
            o.Grants.Add("read orders");
#pragma warning restore CYM0006
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var failures = error.Failures.ToList();
        Assert.Contains(failures, f => f.Contains("ClientId is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ClientSecret is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("CymbioClientOptions.Username and CymbioClientOptions.Password are both required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("must use HTTPS", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'read:ordrs', which no scope manifest declares", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'read orders', which is not an OAuth scope", StringComparison.Ordinal));
        Assert.Equal(6, failures.Count);
    }

    [Fact]
    public void LoopbackMayUsePlainHttp_AndProductionNeedsNoBaseAddress()
    {
        var valid = new CymbioClientOptions { ClientId = "c", ClientSecret = "s", Grants = { CymbioScopes.ReadOrders } };
        Assert.Empty(CymbioClientOptionsValidator.Errors(valid, Array.Empty<Assembly>()));
        Assert.Equal(new Uri("https://api.cym.bio/oauth/token"), valid.TokenEndpoint);

        valid.Environment = CymbioEnvironment.Custom;
        foreach (var loopback in new[] { "http://127.0.0.1:5000/", "http://localhost:5000/", "http://[::1]:5000/", "http://127.0.0.2/" })
        {
            valid.BaseAddress = new Uri(loopback);
            Assert.Empty(CymbioClientOptionsValidator.Errors(valid, Array.Empty<Assembly>()));
        }
    }

    [Fact]
    public void ConfiguredGrants_MustCoverTheGrantsTheCodeDeclares()
    {
        // An assembly that declares [assembly: CymbioGrants("read:orders", "write:inventory")] — a stand-in, so that no
        // real assembly with that declaration joins the AppDomain and changes other tests' validation.
        var assembly = new DeclaringAssembly("DeclaresGrants", new CymbioGrantsAttribute(CymbioScopes.ReadOrders, CymbioScopes.WriteInventory));
        var name = assembly.GetName();
        var options = new CymbioClientOptions { ClientId = "c", ClientSecret = "s", Grants = { CymbioScopes.ReadOrders } };

        var errors = CymbioClientOptionsValidator.Errors(options, new[] { assembly }).ToList();

        var error = Assert.Single(errors);
        Assert.Equal($"Cymbio:Grants lacks write:inventory, which {name.Name} declares with [assembly: CymbioGrants]", error);
        options.Grants.Add(CymbioScopes.WriteInventory);
        Assert.Empty(CymbioClientOptionsValidator.Errors(options, new[] { assembly }));
    }

    [Fact]
    public async Task TokenAcquisition_IsTracedAndMeasured_UnderCymbioClient()
    {
        // Other tests acquire tokens in parallel: this test's own client id tells its activity apart.
        var clientId = "telemetry-" + Guid.NewGuid().ToString("N");
        var emulatorOptions = new CymbioEmulatorOptions();
        emulatorOptions.Accounts.Add(new EmulatorAccount("telemetry", clientId, "telemetry-secret", CymbioScopes.All) { SupplierId = EmulatorAccounts.SupplierId });
        await using var emulator = await CymbioEmulator.StartAsync(emulatorOptions);
        var activities = new List<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CymbioTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity); } },
        };
        ActivitySource.AddActivityListener(activityListener);
        var measurements = new List<(string Instrument, long Value, string? Grant)>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == CymbioTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? grant = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "grant")
                {
                    grant = tag.Value as string;
                }
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, grant));
            }
        });
        meterListener.Start();

        using var cymbio = new CymbioClient(
            RuntimeHarness.Options(emulator, CymbioGrantType.ClientCredentials, account: "telemetry", grants: [CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments]));
        await cymbio.Create<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);

        Activity acquire;
        lock (activities)
        {
            acquire = Assert.Single(activities, a => a.OperationName == "cymbio.token.acquire" && (string?)a.GetTagItem("cymbio.client_id") == clientId);
        }

        Assert.Equal(ActivityStatusCode.Ok, acquire.Status);
        Assert.Equal("read:orders write:fulfillments", acquire.GetTagItem("cymbio.scopes"));
        Assert.Equal("client_credentials", acquire.GetTagItem("cymbio.grant"));
        lock (measurements)
        {
            Assert.Contains(measurements, m => m.Instrument == "cymbio.client.token.requests" && m.Value == 1 && m.Grant == "client_credentials");
            Assert.Contains(measurements, m => m.Instrument == "cymbio.client.token.acquisitions" && m.Value == 1);
        }
    }
}
