using System.Collections.Generic;
using System.Linq;

namespace Cymbio.Generators;

internal static partial class Emitter
{
    public const string AggregateHintSuffix = ".CymbioAggregate.g.cs";

    /// <summary>Resolves the wrappers' pending scope constants against the project's manifest, as the scope tables do.</summary>
    public static AggregateModel Resolve(AggregateModel model, EquatableArray<ConstantName> constants)
    {
        if (model.Members.All(static m => m.Methods.All(static w => w.PendingConstants.IsEmpty)))
        {
            return model;
        }

        return model with
        {
            Members = EquatableArray<AggregateMember>.From(model.Members.Select(member => member with
            {
                Methods = EquatableArray<WrapperMethod>.From(member.Methods.Select(method =>
                {
                    if (method.PendingConstants.IsEmpty)
                    {
                        return method;
                    }

                    var arguments = new List<string>(method.ScopeArguments);
                    foreach (var pending in method.PendingConstants)
                    {
                        if (constants.FirstOrDefault(c => c.Identifier == pending.Name) is not { } match)
                        {
                            // Unresolvable: the interface's table fails the build; the wrapper states nothing.
                            return method with { IsDeclared = false, ScopeArguments = EquatableArray<string>.Empty, PendingConstants = EquatableArray<PendingConstant>.Empty };
                        }

                        arguments.Add(Literal(match.Name));
                    }

                    return method with { ScopeArguments = EquatableArray<string>.From(arguments), PendingConstants = EquatableArray<PendingConstant>.Empty };
                })),
            })),
        };
    }

    /// <summary>The aggregate's partial class: constructor, one property and nested client per interface, and its <c>ICymbioAggregate</c> implementation.</summary>
    public static string EmitAggregate(AggregateModel model)
    {
        var writer = Header();
        if (model.Namespace is not null)
        {
            writer.Open("namespace " + model.Namespace);
        }

        foreach (var outer in model.ContainingTypes)
        {
            writer.Open(outer);
        }

        var self = "global::Cymbio.ICymbioAggregate<" + model.FullName + ">";
        writer.Open(model.Declaration + " : " + self);

        // Constructor.
        writer.Line("/// <summary>Initializes the aggregate over its Refit clients.</summary>");
        foreach (var member in model.Members)
        {
            writer.Line($"/// <param name=\"{member.ParameterName.TrimStart('@')}\">The <see cref=\"{member.Interface}\"/> client.</param>");
        }

        if (model.AccountParameter is not null)
        {
            writer.Line($"/// <param name=\"{model.AccountParameter}\">The {model.Account.ToLowerInvariant()} id the calls are made for.</param>");
        }

        var constructorParameters = model.Members.Select(static m => m.Interface + " " + m.ParameterName).ToList();
        if (model.AccountParameter is not null)
        {
            constructorParameters.Add("long " + AggregateReader.Escape(model.AccountParameter));
        }

        var accountArgument = model.AccountParameter is null ? "0L" : AggregateReader.Escape(model.AccountParameter);
        // Internal when an interface is not public: a public constructor taking it would not compile (CS0051).
        // ICymbioAggregate.Create, which CymbioClient and AddAggregate use, does not need the constructor.
        writer.Line(GeneratedCode);
        writer.Open($"{(model.Members.All(static m => m.IsPublic) ? "public" : "internal")} {model.ClassName}({string.Join(", ", constructorParameters)})");
        foreach (var member in model.Members)
        {
            writer.Line($"{member.PropertyName} = new {member.ClientClassName}({member.ParameterName}, {accountArgument});");
        }

        writer.Close();
        foreach (var member in model.Members)
        {
            writer.Line();
            writer.Line($"/// <summary>Gets the operations of <see cref=\"{member.Interface}\"/>{(model.AccountParameter is null ? string.Empty : ", for the configured " + model.Account.ToLowerInvariant())}.</summary>");
            writer.Line($"{(member.IsPublic ? "public" : "internal")} {member.ClientClassName} {member.PropertyName} {{ get; }}");
        }

        // ICymbioAggregate<TSelf>.
        writer.Line();
        writer.Line($"static global::Cymbio.CymbioAccount {self}.Account => global::Cymbio.CymbioAccount.{model.Account};");
        writer.Line();
        writer.Line($"static global::Refit.RefitSettings? {self}.DefaultRefitSettings => {(model.HasSettingsMethod ? "CreateRefitSettings()" : "null")};");
        writer.Line();
        writer.Open($"static void {self}.VisitApis(global::Cymbio.ICymbioApiVisitor visitor)");
        foreach (var member in model.Members)
        {
            writer.Line($"visitor.Visit<{member.Interface}>();");
        }

        writer.Close();
        writer.Line();
        var gets = string.Join(", ", model.Members.Select(static m => "apis.Get<" + m.Interface + ">()"));
        writer.Line($"static {model.FullName} {self}.Create(global::Cymbio.ICymbioApiSource apis, long accountId) =>");
        writer.Line($"    new {model.FullName}({gets}{(model.AccountParameter is null ? string.Empty : ", accountId")});");
        foreach (var member in model.Members)
        {
            writer.Line();
            EmitClient(writer, model, member);
        }

        writer.Close();
        foreach (var _ in model.ContainingTypes)
        {
            writer.Close();
        }

        if (model.Namespace is not null)
        {
            writer.Close();
        }

        return writer.ToString();
    }

    private static void EmitClient(SourceWriter writer, AggregateModel model, AggregateMember member)
    {
        writer.Line($"/// <summary>The operations of <see cref=\"{member.Interface}\"/>{(model.AccountParameter is null ? string.Empty : " with <c>" + model.AccountParameter + "</c> bound")}; each declares the scopes of the operation it calls.</summary>");
        writer.Line(GeneratedCode);
        writer.Open($"{(member.IsPublic ? "public" : "internal")} sealed partial class {member.ClientClassName}");
        writer.Line($"private readonly {member.Interface} _api;");
        if (model.AccountParameter is not null)
        {
            writer.Line("private readonly long _accountId;");
        }

        writer.Line();
        writer.Open($"internal {member.ClientClassName}({member.Interface} api, long accountId)");
        writer.Line("_api = api ?? throw new global::System.ArgumentNullException(nameof(api));");
        if (model.AccountParameter is not null)
        {
            writer.Line("_accountId = accountId;");
        }

        writer.Close();
        foreach (var method in member.Methods)
        {
            writer.Line();
            foreach (var line in method.Documentation)
            {
                writer.Line("/// " + SingleLine(line));
            }

            if (method.IsDeclared)
            {
                writer.Line(method.ScopeArguments.IsEmpty ? "[global::Cymbio.CymbioNoScope]" : $"[global::Cymbio.CymbioScope({string.Join(", ", method.ScopeArguments)})]");
            }

            if (method.Endpoint is not null)
            {
                writer.Line(method.Endpoint);
            }

            writer.Line($"public {method.ReturnType} {method.Name}{method.TypeParameters}({string.Join(", ", method.Parameters)})");
            foreach (var constraint in method.Constraints)
            {
                writer.Line("    " + constraint);
            }

            // this.: a parameter of the Refit method may be called _api or _accountId.
            writer.Line($"    => this._api.{method.Name}{method.TypeParameters}({method.Arguments});");
        }

        writer.Close();
    }
}
