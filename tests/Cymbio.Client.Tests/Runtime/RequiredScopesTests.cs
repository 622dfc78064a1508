using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Reflection.Emit;
using Cymbio.Client.Tests.Runtime.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Xunit;

namespace Cymbio.Client.Tests.Runtime;

/// <summary>
/// The scopes the code requires at run time (issue 14): the union of <c>[assembly: CymbioRequiredScopes]</c> over the
/// loaded assemblies, known or unknown, and what start-up validation says about it under
/// <see cref="CymbioScopeStrategy.Required"/>. The assemblies are stand-ins (<see cref="DeclaringAssembly"/>) or the
/// set is given directly, so the tests hold whether or not the generator has put the attribute on this test assembly.
/// </summary>
public sealed class RequiredScopesTests
{
    private const string UnknownMessage =
        "ScopeStrategy is Required, but no loaded assembly carries [assembly: CymbioRequiredScopes], so the scopes the code requires are unknown: "
        + "build the application with Cymbio.Client's generator (a PackageReference to Cymbio.Client in the application's project) or choose another ScopeStrategy";

    [Fact]
    public void TheDerivedSet_IsTheUnionOverTheAssemblies_AndKnownWhenAnyCarriesTheAttribute()
    {
        var entry = Carrying("App", CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments);
        var plugin = Carrying("Plugin", CymbioScopes.ReadOrders, CymbioScopes.ReadInventory);
        var plain = new DeclaringAssembly("Plain");

        var required = RequiredScopes.Of([entry, plain, plugin]);

        Assert.True(required.IsKnown);
        Assert.Equal(ScopeSet.Create(CymbioScopes.ReadInventory, CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments), required.Scopes);
    }

    [Fact]
    public void NoAttribute_IsUnknown_WhileAnAttributeWithoutScopes_IsKnownAndEmpty()
    {
        var unknown = RequiredScopes.Of([new DeclaringAssembly("Plain"), new DeclaringAssembly("Other")]);
        var empty = RequiredScopes.Of([new DeclaringAssembly("Plain"), Carrying("NoScopedCalls")]);

        Assert.False(unknown.IsKnown);
        Assert.Null(unknown.Scopes);
        Assert.False(RequiredScopes.Of([]).IsKnown);
        Assert.True(empty.IsKnown);
        Assert.Equal(ScopeSet.Empty, empty.Scopes);
    }

    [Fact]
    public void DynamicAssemblies_AttributesThatFailToLoad_AndValuesThatAreNoScopes_ArePassedOver()
    {
        var constructor = typeof(CymbioRequiredScopesAttribute).GetConstructor([typeof(string[])])!;
        var dynamic = AssemblyBuilder.DefineDynamicAssembly(
            new AssemblyName("Proxies"), AssemblyBuilderAccess.Run, [new CustomAttributeBuilder(constructor, [new[] { CymbioScopes.WriteOrders }])]);
#pragma warning disable CYM0006 // Unknown scope: the attribute is generated; here a damaged value is the point.
        var odd = Carrying("Odd", CymbioScopes.ReadOrders, "read orders", "");
#pragma warning restore CYM0006

        Assert.False(RequiredScopes.Of([dynamic, new UnloadableAssembly()]).IsKnown);
        Assert.Equal(ScopeSet.Create(CymbioScopes.ReadOrders), RequiredScopes.Of([dynamic, new UnloadableAssembly(), odd]).Scopes);
    }

    [Fact]
    public void TheLoadedAssemblies_AreKnown_ExactlyWhenOneCarriesTheAttribute()
    {
        var carriers = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic)
            .Select(a => a.GetCustomAttribute<CymbioRequiredScopesAttribute>())
            .OfType<CymbioRequiredScopesAttribute>()
            .ToList();

        var loaded = RequiredScopes.OfLoadedAssemblies();

        // Before the generator emits the attribute into this assembly no loaded assembly may carry it; after, this
        // assembly's own calls are in the set. Either way the set is what the carriers say.
        Assert.Equal(carriers.Count > 0, loaded.IsKnown);
        Assert.All(carriers.SelectMany(c => c.Scopes), scope => Assert.True(loaded.Scopes!.Contains(scope), scope));
    }

    [Fact]
    public void ACallTheBuildDidNotSee_GetsTheUnion_AndOneWarningPerSet()
    {
        var required = RequiredScopes.Known(ScopeSet.Create(CymbioScopes.ReadOrders));
        var derived = required.Scopes!;
        var logger = new FakeLogger();

        Assert.Same(derived, required.Request(derived, ScopeSet.Empty, "INone.Call", logger));
        Assert.Same(derived, required.Request(derived, derived, "IOrders.List", logger));
        var widened = required.Request(derived, ScopeSet.Create(CymbioScopes.WriteFulfillments), "IFulfillments.Accept", logger);
        required.Request(derived, ScopeSet.Create(CymbioScopes.WriteFulfillments), "IFulfillments.Reject", logger);
        required.Request(derived, ScopeSet.Create(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments), "IFulfillments.Ship", logger);
        required.Request(derived, ScopeSet.Create(CymbioScopes.WriteInventory), "IInventory.Adjust", logger);

        Assert.Equal("read:orders write:fulfillments", widened.ToString());
        var warnings = logger.Collector.GetSnapshot();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal((12, LogLevel.Warning), (w.Id.Id, w.Level)));
        Assert.Equal(
            "Cymbio call IFulfillments.Accept needs 'write:fulfillments', which the build did not find the code requiring (a call through reflection, or code loaded later); "
            + "its token is requested for 'read:orders write:fulfillments'. Rebuild the application with Cymbio.Client's generator to include it; this set is not reported again.",
            warnings[0].Message);
        Assert.Contains("IInventory.Adjust needs 'write:inventory'", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_WithoutAnyDerivedSet_FailsAtStart_SayingHowToFixIt()
    {
        var options = Options(CymbioScopes.ReadOrders);

        var fromConfiguration = CymbioClientOptionsValidator.Errors(options, [new DeclaringAssembly("Plain")]);
        var atStart = Assert.Throws<OptionsValidationException>(() => Validate(options, RequiredScopes.Unknown()));
        var direct = Assert.Throws<OptionsValidationException>(() => CymbioClient.Validate(options, [], RequiredScopes.Unknown()));

        Assert.Equal("Cymbio:" + UnknownMessage, Assert.Single(fromConfiguration));
        Assert.Equal("CymbioClientOptions." + UnknownMessage, Assert.Single(atStart.Failures));
        Assert.Equal("CymbioClientOptions." + UnknownMessage, direct.Message);
        options.ScopeStrategy = CymbioScopeStrategy.AllGranted;
        Assert.Empty(CymbioClientOptionsValidator.Errors(options, [new DeclaringAssembly("Plain")]));
    }

    [Fact]
    public void Required_WithGrantsLackingDerivedScopes_FailsAtStart_ListingThem()
    {
        var options = Options(CymbioScopes.ReadOrders, CymbioScopes.ReadChannels);
        var application = Carrying("App", CymbioScopes.ReadOrders, CymbioScopes.WriteOrders, CymbioScopes.WriteFulfillments);

        var fromConfiguration = CymbioClientOptionsValidator.Errors(options, [application]);
        var atStart = Assert.Throws<OptionsValidationException>(() => Validate(options, RequiredScopes.Of([application])));

        Assert.Equal("Cymbio:Grants lacks write:fulfillments write:orders, which the code requires (CymbioRequiredScopes)", Assert.Single(fromConfiguration));
        Assert.Equal("CymbioClientOptions.Grants lacks write:fulfillments write:orders, which the code requires (CymbioRequiredScopes)", Assert.Single(atStart.Failures));

        // A directly built client may be deliberately narrower (docs/least-privilege-runtime.md): its tokens carry the
        // required scopes it is granted.
        CymbioClient.Validate(options, [application]);

        // Other strategies leave a call outside the grants to fail when it is made, as before.
        options.ScopeStrategy = CymbioScopeStrategy.AllGranted;
        Assert.Empty(CymbioClientOptionsValidator.Errors(options, [application]));
    }

    [Fact]
    public void AHandlerBuiltByHand_UnderRequired_WithoutADerivedSet_IsRefused()
    {
        var options = Options(CymbioScopes.ReadOrders);
        using var http = new HttpClient();
        using var tokens = new CymbioTokenProvider(http, options);

        var refused = Assert.Throws<ArgumentException>(() => new CymbioAuthenticationHandler(tokens, options, null, RequiredScopes.Unknown()));

        Assert.StartsWith("The " + UnknownMessage, refused.Message, StringComparison.Ordinal);
        using var built = new CymbioAuthenticationHandler(tokens, options, null, RequiredScopes.Known(ScopeSet.Create(CymbioScopes.ReadOrders)));
    }

    internal static DeclaringAssembly Carrying(string name, params string[] scopes) => new(name, new CymbioRequiredScopesAttribute(scopes));

    private static CymbioClientOptions Options(params string[] grants)
    {
        var options = new CymbioClientOptions
        {
            Environment = CymbioEnvironment.Custom,
            BaseAddress = new Uri("http://127.0.0.1:1/"),
            ClientId = "c",
            ClientSecret = "s",
            ScopeStrategy = CymbioScopeStrategy.Required,
        };
        foreach (var grant in grants)
        {
            options.Grants.Add(grant);
        }

        return options;
    }

    /// <summary>Start-up validation of <c>AddCymbio(o => …)</c> with <paramref name="required"/> as the derived set.</summary>
    private static void Validate(CymbioClientOptions options, RequiredScopes required)
    {
        var services = new ServiceCollection();
        services.AddSingleton(required);
        services.AddCymbio(options.CopyTo);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    /// <summary>An assembly whose attributes cannot be loaded (a missing dependency).</summary>
    private sealed class UnloadableAssembly : Assembly
    {
        public override bool IsDynamic => false;

        public override object[] GetCustomAttributes(Type attributeType, bool inherit) => throw new FileNotFoundException("A dependency is missing.");
    }
}
