using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cymbio.Generators;

/// <summary>CYM0006 for a constant added to <c>CymbioClientOptions.Grants</c>, wherever the options object comes from.</summary>
public sealed partial class ScopeDeclarationAnalyzer
{
    private const string OptionsMetadataName = "Cymbio.CymbioClientOptions";

    /// <summary><c>CymbioClientOptions.Grants</c>, looked up in the assembly that declares <c>[CymbioScope]</c> (Cymbio.Client).</summary>
    private static IPropertySymbol? OptionsGrantsProperty(Compilation compilation) =>
        compilation.GetTypeByMetadataName(ScopeSymbols.ScopeAttributeMetadataName)?.ContainingAssembly
            .GetTypeByMetadataName(OptionsMetadataName)?
            .GetMembers("Grants").OfType<IPropertySymbol>().FirstOrDefault();

    private sealed partial class Catalog
    {
        /// <summary>
        /// <c>options.Grants.Add(…)</c> or <c>Insert(…)</c> on any receiver (a local, a parameter such as the lambda's of
        /// <c>AddCymbio(o => …)</c>, a member), and each element of <c>new CymbioClientOptions { Grants = { … } }</c>: a
        /// string constant that no manifest or referenced assembly declares is CYM0006, at the argument.
        /// </summary>
        public void AnalyzeOptionsGrant(OperationAnalysisContext context, IPropertySymbol grants)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.TargetMethod.Name is not ("Add" or "Insert") || !IsGrants(invocation, grants))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                // ICollection<string>.Add(item) and IList<string>.Insert(index, item).
                if (argument.Parameter is { Name: "item" }
                    && argument.Value.ConstantValue is { HasValue: true, Value: string scope }
                    && !_catalog.IsKnown(scope))
                {
                    context.ReportDiagnostic(UnknownScope(argument.Value.Syntax.GetLocation(), scope));
                }
            }
        }

        /// <summary>Whether the invocation's receiver is the <c>Grants</c> of an options object, written or implicit (collection initializer).</summary>
        private static bool IsGrants(IInvocationOperation invocation, IPropertySymbol grants)
        {
            var receiver = invocation.Instance;
            if (receiver is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                && invocation.Parent is IObjectOrCollectionInitializerOperation { Parent: IMemberInitializerOperation initializer })
            {
                receiver = initializer.InitializedMember;
            }

            return receiver is IPropertyReferenceOperation property
                && SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, grants);
        }
    }
}
