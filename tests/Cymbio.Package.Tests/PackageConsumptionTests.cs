using System;
using System.IO;
using System.Linq;
using Cymbio.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace Cymbio.Package.Tests;

/// <summary>
/// Builds and runs a fresh consumer from the packed Cymbio.Client alone: the packed
/// generator (with the System.Text.Json beside it) must load, generate, and its analyzer must report. Once on each end
/// of the Refit range the package declares: 16.4.0, the lowest, which Cymbio.Client compiles against, and 17.0.0, what
/// <c>dotnet add package Refit</c> installs (Refit.HttpClientFactory then comes from the range: 16.4.0).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageConsumptionTests
{
    private readonly ITestOutputHelper _output;
    private readonly PackedPackages _packages;

    public PackageConsumptionTests(PackedPackages packages, ITestOutputHelper output)
    {
        _packages = packages;
        _output = output;
    }

    [Theory]
    [InlineData("16.4.0")]
    [InlineData("17.0.0")]
    public void PackedGenerator_LoadsInAFreshBuild_AndItsTablesAndAnalyzersWork(string refit)
    {
        var version = _packages.Version;
        using (var archive = System.IO.Compression.ZipFile.OpenRead(_packages.PackagePath("Cymbio.Client")))
        {
            // The README's "$schema" reference points at the schema the package carries.
            Assert.Contains(archive.Entries, entry => entry.FullName == "scopes.schema.json");

            // The Refit range the package declares, tested at its ends by this theory.
            using var nuspec = new StreamReader(archive.GetEntry("Cymbio.Client.nuspec")!.Open());
            var dependencies = nuspec.ReadToEnd();
            Assert.Contains($"<dependency id=\"Refit\" version=\"{PackedPackages.ClientRefitRange}\"", dependencies);
            Assert.Contains($"<dependency id=\"Refit.HttpClientFactory\" version=\"{PackedPackages.ClientRefitRange}\"", dependencies);
        }

        var consumer = _packages.NewConsumer("consumer-refit-" + refit);
        var template = Path.Combine(AppContext.BaseDirectory, "Consumer");
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), File.ReadAllText(Path.Combine(template, "Consumer.csproj.txt")).Replace("$CYMBIO_VERSION$", version).Replace("$REFIT_VERSION$", refit));
        File.Copy(Path.Combine(template, "Program.cs.txt"), Path.Combine(consumer, "Program.cs"));
        File.Copy(Path.Combine(template, "scopes.json"), Path.Combine(consumer, "scopes.json"));

        var output = Run(consumer, "run", "--project", "Consumer.csproj");
        Assert.Contains($"refit: {Version.Parse(refit).Major}.0.0.0", output); // Refit's assembly version is its major
        Assert.Contains("refit.httpclientfactory: 16.0.0.0", output); // the lowest of the range, unless the consumer names one
        Assert.Contains("ListAsync -> read:orders", output);
        Assert.Contains("AcceptAsync -> write:fulfillments", output);
        Assert.Contains("PurchaseOrdersAsync -> read:purchase-orders", output);
        Assert.Contains("view: write:fulfillments", output);
        Assert.Contains("known: 14 + 1", output);

        // Cymbio.Client's own Refit calls (built against 16.4) run on this Refit, and the consumer's models go through
        // its JSON context, without and with dependency injection; the token handler signs each call.
        Assert.Contains("ListAsync -> read:orders (bearer)", output);
        Assert.Contains("CymbioClient: #929 new", output);
        Assert.Contains("AddClient: #929 new", output);

        // The scope report the package's build targets write: the calls of Program.cs with their scopes (issue 14).
        var built = Run(consumer, "build", "Consumer.csproj", "-p:CymbioScopeReport=true");
        var json = Directory.GetFiles(Path.Combine(consumer, "obj"), "cymbio-scope-report.json", SearchOption.AllDirectories).Single();
        var markdown = File.ReadAllText(Path.ChangeExtension(json, ".md"));
        Assert.Contains("Cymbio scope report -> ", built);
        using (var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json)))
        {
            Assert.Equal(new[] { "read:orders", "read:purchase-orders", "write:fulfillments" }, report.RootElement.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        }

        Assert.Contains("| `write:fulfillments` | Program.cs |", markdown);
        Assert.Contains("| IOrdersApi.AcceptAsync |", markdown);

        // The analyzer shipped beside the generator reports an unknown scope, with its suggestion, in a real build.
        File.WriteAllText(Path.Combine(consumer, "Typo.cs"), """
            namespace Consumer;
            [Cymbio.CymbioScope("read:ordrs")]
            public interface ITypoApi { [Refit.Get("/x")] System.Threading.Tasks.Task<string> XAsync(); }
            """);
        // The call-site analyzer reports a call whose scopes the enclosing grants lack (an error here: the consumer treats warnings as errors).
        File.WriteAllText(Path.Combine(consumer, "Missing.cs"), """
            namespace Consumer;
            public static class Sync
            {
                [Cymbio.CymbioGrants(Cymbio.CymbioScopes.ReadOrders)]
                public static System.Threading.Tasks.Task<string> AcceptAsync(IOrdersApi api) => api.AcceptAsync(1, 2);
            }
            """);
        var failed = Run(consumer, expectSuccess: false, "build", "Consumer.csproj");
        Assert.Contains("Typo.cs(2,21): error CYM0006: Unknown scope 'read:ordrs'; did you mean 'read:orders'?", failed);
        Assert.Contains("Missing.cs(5,90): error CYM0012: 'IOrdersApi.AcceptAsync' requires 'write:fulfillments', which is not granted by [CymbioGrants] on 'Sync.AcceptAsync'", failed);
    }

    private string Run(string directory, params string[] arguments) => LoggedDotnet.Run(_output, directory, true, arguments);

    private string Run(string directory, bool expectSuccess, params string[] arguments) => LoggedDotnet.Run(_output, directory, expectSuccess, arguments);
}
