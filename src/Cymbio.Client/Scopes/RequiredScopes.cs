using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace Cymbio;

/// <summary>
/// The scopes the application's code requires, as the build derived them: the union of
/// <see cref="CymbioRequiredScopesAttribute.Scopes"/> over the loaded assemblies. The entry assembly's attribute already
/// covers the assemblies it referenced when it was compiled; the union adds what other loaded assemblies declare.
/// </summary>
/// <remarks>
/// <para>The set is <em>known</em> when at least one assembly carries the attribute (it may then be empty: code that
/// makes no scoped call), and <em>unknown</em> when none does — the application was not built with Cymbio.Client's
/// generator. Unknown is not empty: nothing can be concluded from it, so <see cref="CymbioScopeStrategy.Required"/>
/// refuses to start and no over-grant warning is given.</para>
/// <para>One instance serves one application client: the one <c>AddCymbio</c> registers (a singleton, read when it is
/// first resolved, at start), or one <see cref="CymbioClient"/>. It remembers what it has warned about, so each warning
/// is logged once for that client.</para>
/// </remarks>
internal sealed class RequiredScopes
{
    private readonly ConcurrentDictionary<ScopeSet, bool> _unforeseen = new();
    private int _overGrantReported;

    private RequiredScopes(ScopeSet? scopes) => Scopes = scopes;

    /// <summary>Gets the derived set; <see langword="null"/> when it is unknown.</summary>
    public ScopeSet? Scopes { get; }

    /// <summary>Gets a value indicating whether any assembly carried <see cref="CymbioRequiredScopesAttribute"/>.</summary>
    [MemberNotNullWhen(true, nameof(Scopes))]
    public bool IsKnown => Scopes is not null;

    /// <summary>A known derived set (the seam for tests, and what <see cref="Of"/> builds).</summary>
    public static RequiredScopes Known(ScopeSet scopes) => new(scopes ?? throw new ArgumentNullException(nameof(scopes)));

    /// <summary>An unknown derived set: no assembly carried the attribute.</summary>
    public static RequiredScopes Unknown() => new(null);

    /// <summary>The derived set of the assemblies loaded in the current application domain.</summary>
    public static RequiredScopes OfLoadedAssemblies() => Of(AppDomain.CurrentDomain.GetAssemblies());

    /// <summary>
    /// The union of <see cref="CymbioRequiredScopesAttribute.Scopes"/> over <paramref name="assemblies"/>, read as the
    /// options validator reads <c>[assembly: CymbioGrants]</c> (dynamic assemblies and unloadable attributes passed over).
    /// A value that is no OAuth scope token is left out: the generator never writes one, and a call that needs it is
    /// then met like any call the build did not see.
    /// </summary>
    public static RequiredScopes Of(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var attributes = assemblies.SelectMany(AssemblyAttributes.Of<CymbioRequiredScopesAttribute>).ToList();
        return attributes.Count == 0
            ? Unknown()
            : Known(ScopeSet.Create(attributes.SelectMany(a => a.Scopes).Where(ScopeSet.IsValidScope)));
    }

    /// <summary>
    /// The start-up problem of <see cref="CymbioScopeStrategy.Required"/> without a derived set, as one clause (no final
    /// period) naming the option <paramref name="strategyOption"/>.
    /// </summary>
    public static string UnknownProblem(string strategyOption) =>
        $"{strategyOption} is Required, but no loaded assembly carries [assembly: CymbioRequiredScopes], so the scopes the code requires are unknown: "
        + "build the application with Cymbio.Client's generator (a PackageReference to Cymbio.Client in the application's project) or choose another ScopeStrategy";

    /// <summary>The derived scopes outside <paramref name="grants"/>; empty when the set is unknown.</summary>
    public ScopeSet Uncovered(ScopeSet grants) => IsKnown ? Scopes.Except(grants) : ScopeSet.Empty;

    /// <summary>The grants no code requires; empty when the set is unknown.</summary>
    public ScopeSet OverGranted(ScopeSet grants) => IsKnown ? grants.Except(Scopes) : ScopeSet.Empty;

    /// <summary>
    /// Logs the grants no code requires, once for this client; nothing when the derived set is unknown or every grant
    /// is required.
    /// </summary>
    public void ReportOverGrants(CymbioClientOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var unneeded = OverGranted(Grants(options));
        if (!unneeded.IsEmpty && Interlocked.Exchange(ref _overGrantReported, 1) == 0)
        {
            Log.OverGranted(logger, unneeded.ToString());
        }
    }

    /// <summary>
    /// What <see cref="CymbioScopeStrategy.Required"/> requests for the derived set within <paramref name="grants"/>:
    /// the derived scopes this client is granted (all of them for the client <c>AddCymbio</c> registers, whose grants
    /// validation made cover the set; a deliberately narrower <see cref="CymbioClient"/> gets its share).
    /// </summary>
    public ScopeSet Within(ScopeSet grants) => IsKnown ? Scopes.Except(Scopes.Except(grants)) : ScopeSet.Empty;

    /// <summary>
    /// The scopes to request under <see cref="CymbioScopeStrategy.Required"/> for an operation that needs
    /// <paramref name="requirement"/> (inside the grants): <paramref name="derived"/> when it covers the requirement,
    /// else their union — a call the build did not see (reflection, a plug-in loaded later), warned about once per set.
    /// </summary>
    public ScopeSet Request(ScopeSet derived, ScopeSet requirement, string operation, ILogger logger)
    {
        if (requirement.IsSubsetOf(derived))
        {
            return derived;
        }

        var requested = derived.Union(requirement);
        if (_unforeseen.TryAdd(requested, true))
        {
            Log.UnforeseenRequirement(logger, operation, requirement.Except(derived).ToString(), requested.ToString());
        }

        return requested;
    }

    /// <summary>The configured grants that are OAuth scopes (validation reports the others).</summary>
    public static ScopeSet Grants(CymbioClientOptions options) => ScopeSet.Create(options.Grants.Where(ScopeSet.IsValidScope));
}
