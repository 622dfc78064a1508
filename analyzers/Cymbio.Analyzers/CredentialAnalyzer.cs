using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Cymbio.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cymbio.Analyzers;

/// <summary>
/// Credentials where they do not belong: the password grant configured (CYM0015), and a password, client secret or
/// token placed in a URL — a Refit parameter bound to the path or query, a secret passed as such an argument, or a
/// secret formatted into a query string (CYM0016).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CredentialAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Names (compared without case, '_' and '-') that hold a credential, in lower case.</summary>
    private static readonly string[] CredentialNames =
    {
        "password", "passwd", "pwd", "secret", "clientsecret", "token", "accesstoken", "refreshtoken", "idtoken", "bearertoken",
        "authtoken", "apikey", "authorization",
    };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        CallSiteDescriptors.PasswordGrant,
        CallSiteDescriptors.CredentialInUrl);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (CymbioSymbols.Create(start.Compilation) is not { } symbols)
            {
                return;
            }

            start.RegisterOperationAction(context => AnalyzeOptionsInitializer(context, symbols), OperationKind.ObjectOrCollectionInitializer);
            start.RegisterOperationAction(context => AnalyzeOptionsAssignment(context, symbols), OperationKind.SimpleAssignment);
            var requests = new ConcurrentDictionary<IMethodSymbol, RefitRequest?>(SymbolEqualityComparer.Default);
            start.RegisterOperationAction(context => AnalyzeRefitArguments(context, symbols, requests), OperationKind.Invocation);
            start.RegisterOperationAction(context => AnalyzeInterpolation(context, symbols), OperationKind.InterpolatedString);
            start.RegisterOperationAction(context => AnalyzeConcatenation(context, symbols), OperationKind.Binary);
            start.RegisterSymbolAction(context => AnalyzeRefitMethod(context, symbols), SymbolKind.Method);
        });
    }

    /// <summary>Whether a parameter, alias or query key names a credential (without allocating: it runs for every Refit parameter).</summary>
    internal static bool IsCredentialName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var candidate in CredentialNames)
        {
            if (EqualsIgnoringSeparators(name!, candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="name"/> is <paramref name="lowerCase"/> once '_' and '-' are left out and case is ignored.</summary>
    private static bool EqualsIgnoringSeparators(string name, string lowerCase)
    {
        var j = 0;
        foreach (var c in name)
        {
            if (c is '_' or '-')
            {
                continue;
            }

            if (j == lowerCase.Length || char.ToLowerInvariant(c) != lowerCase[j])
            {
                return false;
            }

            j++;
        }

        return j == lowerCase.Length;
    }

    /// <summary><c>new CymbioClientOptions { Username = …, Password = … }</c>: reported once, at the password (else the username or grant type).</summary>
    private static void AnalyzeOptionsInitializer(OperationAnalysisContext context, CymbioSymbols symbols)
    {
        var initializer = (IObjectOrCollectionInitializerOperation)context.Operation;
        if (initializer.Parent is not IObjectCreationOperation creation || !CymbioSymbols.Is(creation.Type, symbols.Options))
        {
            return;
        }

        IOperation? password = null;
        IOperation? username = null;
        IOperation? grantType = null;
        var clientCredentials = false;
        foreach (var member in initializer.Initializers)
        {
            if (member is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment || IsNull(assignment.Value))
            {
                continue;
            }

            var definition = property.Property.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, symbols.PasswordProperty))
            {
                password = assignment;
            }
            else if (SymbolEqualityComparer.Default.Equals(definition, symbols.UsernameProperty))
            {
                username = assignment;
            }
            else if (SymbolEqualityComparer.Default.Equals(definition, symbols.GrantTypeProperty))
            {
                var grant = GrantTypeName(assignment.Value);
                grantType = grant == "Password" ? assignment : null;
                clientCredentials = grant == "ClientCredentials";
            }
        }

        if (!clientCredentials && (password ?? username ?? grantType) is { } reported)
        {
            context.ReportDiagnostic(Diagnostic.Create(CallSiteDescriptors.PasswordGrant, reported.Syntax.GetLocation(), "This CymbioClientOptions"));
        }
    }

    /// <summary><c>options.Password = …</c> or <c>options.GrantType = CymbioGrantType.Password</c> outside an initializer.</summary>
    private static void AnalyzeOptionsAssignment(OperationAnalysisContext context, CymbioSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Parent is IObjectOrCollectionInitializerOperation
            || assignment.Target is not IPropertyReferenceOperation property
            || IsNull(assignment.Value))
        {
            return;
        }

        var definition = property.Property.OriginalDefinition;
        var isPassword = SymbolEqualityComparer.Default.Equals(definition, symbols.PasswordProperty);
        var isPasswordGrant = SymbolEqualityComparer.Default.Equals(definition, symbols.GrantTypeProperty) && GrantTypeName(assignment.Value) == "Password";
        if (isPassword || isPasswordGrant)
        {
            context.ReportDiagnostic(Diagnostic.Create(CallSiteDescriptors.PasswordGrant, assignment.Syntax.GetLocation(), "This assignment"));
        }
    }

    /// <summary>A Refit method whose parameter named like a credential goes to the path or query, or whose route puts one in the query.</summary>
    private static void AnalyzeRefitMethod(SymbolAnalysisContext context, CymbioSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.ContainingType?.TypeKind != TypeKind.Interface || !ScopeSymbols.TryGetHttp(method, out var http, out _, out var route, out _))
        {
            return;
        }

        var query = route is null ? null : route.IndexOf('?') is var mark and >= 0 ? route.Substring(mark + 1) : null;
        if (query is not null)
        {
            foreach (var pair in query.Split('&'))
            {
                var key = pair.Split('=')[0];
                if (IsCredentialName(key))
                {
                    var location = http.ApplicationSyntaxReference is { } reference ? Location.Create(reference.SyntaxTree, reference.Span) : method.Locations.FirstOrDefault();
                    context.ReportDiagnostic(Diagnostic.Create(CallSiteDescriptors.CredentialInUrl, location, $"The route of '{method.Name}'", "query string ('" + key + "')"));
                    return;
                }
            }
        }

        // The name first: most parameters are not credentials, and where a parameter goes takes the method's attributes
        // and every parameter's.
        RefitRequest? request = null;
        foreach (var parameter in method.Parameters)
        {
            if (IsCredentialName(BoundName(parameter))
                && UrlPart(parameter, request ??= RefitRequest.Of(method)!, symbols) is { } part)
            {
                context.ReportDiagnostic(Diagnostic.Create(CallSiteDescriptors.CredentialInUrl, parameter.Locations.FirstOrDefault(), $"The parameter '{parameter.Name}' of '{method.Name}'", part));
            }
        }
    }

    /// <summary>A password, client secret or token passed to a Refit parameter that goes to the path or query.</summary>
    private static void AnalyzeRefitArguments(OperationAnalysisContext context, CymbioSymbols symbols, ConcurrentDictionary<IMethodSymbol, RefitRequest?> requests)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.ContainingType?.TypeKind != TypeKind.Interface || invocation.Arguments.IsEmpty)
        {
            return;
        }

        // Read once per method; null when it is no Refit method.
        if (requests.GetOrAdd(method.OriginalDefinition, static definition => RefitRequest.Of(definition)) is not { } request)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter
                && UrlPart(parameter.OriginalDefinition, request, symbols) is { } part
                && SecretMember(argument.Value, symbols) is { } secret)
            {
                context.ReportDiagnostic(Diagnostic.Create(CallSiteDescriptors.CredentialInUrl, argument.Value.Syntax.GetLocation(), $"Passing '{secret.Name}' to '{method.Name}'", part));
            }
        }
    }

    /// <summary><c>$"…?access_token={token.AccessToken}"</c>: a secret, or a value under a credential key, formatted into a query string.</summary>
    private static void AnalyzeInterpolation(OperationAnalysisContext context, CymbioSymbols symbols)
    {
        var interpolated = (IInterpolatedStringOperation)context.Operation;
        var text = string.Empty;
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation literal:
                    text += literal.Text.ConstantValue.Value as string;
                    break;
                case IInterpolationOperation hole:
                    if (QueryKeyBefore(text) is { } key && (IsCredentialName(key) || SecretMember(hole.Expression, symbols) is not null))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(CallSiteDescriptors.CredentialInUrl, hole.Syntax.GetLocation(), "This string", "query string ('" + key + "')"));
                    }

                    text += "\u0001";
                    break;
            }
        }
    }

    /// <summary><c>"…?access_token=" + token.AccessToken</c>.</summary>
    private static void AnalyzeConcatenation(OperationAnalysisContext context, CymbioSymbols symbols)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind != BinaryOperatorKind.Add
            || binary.Type?.SpecialType != SpecialType.System_String
            || Rightmost(binary.LeftOperand) is not { ConstantValue: { HasValue: true, Value: string left } }
            || QueryKeyBefore(left) is not { } key)
        {
            return;
        }

        if (IsCredentialName(key) || SecretMember(binary.RightOperand, symbols) is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(CallSiteDescriptors.CredentialInUrl, binary.RightOperand.Syntax.GetLocation(), "This string", "query string ('" + key + "')"));
        }
    }

    private static IOperation Rightmost(IOperation operation) =>
        operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary && binary.RightOperand.ConstantValue.HasValue ? binary.RightOperand : operation;

    /// <summary>The query key that a value appended to <paramref name="text"/> belongs to: <c>…?key=</c> or <c>…&amp;key=</c>.</summary>
    private static string? QueryKeyBefore(string text)
    {
        if (!text.EndsWith("=", StringComparison.Ordinal))
        {
            return null;
        }

        var start = Math.Max(text.LastIndexOf('?'), text.LastIndexOf('&'));
        return start < 0 ? null : text.Substring(start + 1, text.Length - start - 2);
    }

    /// <summary>
    /// Where a Refit parameter ends up: "path", "query string", or <see langword="null"/> for headers, the body,
    /// multipart parts and the like.
    /// </summary>
    private static string? UrlPart(IParameterSymbol parameter, RefitRequest request, CymbioSymbols symbols)
    {
        if (IsCancellationToken(parameter.Type, symbols))
        {
            return null;
        }

        var query = false;
        foreach (var attribute in parameter.GetAttributes())
        {
            switch (RefitName(attribute))
            {
                case "HeaderAttribute" or "HeaderCollectionAttribute" or "AuthorizeAttribute" or "BodyAttribute" or "PropertyAttribute":
                    return null;
                case "QueryAttribute":
                    query = true;
                    break;
            }
        }

        if (parameter.Type is INamedTypeSymbol { TypeKind: TypeKind.Class } type2 && type2.SpecialType != SpecialType.System_String)
        {
            // Complex objects go to the body for POST/PUT/PATCH; Refit flattens them into the query for GET. Not judged.
            return null;
        }

        var name = BoundName(parameter);
        var route = request.Route ?? string.Empty;
        var path = route.IndexOf('?') is var mark and >= 0 ? route.Substring(0, mark) : route;
        if (path.IndexOf("{" + name + "}", StringComparison.OrdinalIgnoreCase) >= 0 || path.IndexOf("{**" + name + "}", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return "path";
        }

        // Outside the path, Refit sends the parameters of a [Multipart] method as parts, and the one reference-type
        // parameter of a POST, PUT or PATCH (an array, a list) as the body; [Query] keeps either in the query string.
        var body = request.IsMultipart || (request.HasImplicitBody && parameter.Type.IsReferenceType && parameter.Type.SpecialType != SpecialType.System_String);
        return body && !query ? null : "query string";
    }

    /// <summary>A <c>CancellationToken</c> or <c>CancellationToken?</c>: Refit cancels the request with it and sends neither.</summary>
    private static bool IsCancellationToken(ITypeSymbol type, CymbioSymbols symbols) =>
        CymbioSymbols.Is(type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type, symbols.CancellationToken);

    private static string BoundName(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (RefitName(attribute) == "AliasAsAttribute" && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string alias)
            {
                return alias;
            }
        }

        return parameter.Name;
    }

    /// <summary>The name of an attribute class in namespace <c>Refit</c>, else <see langword="null"/>.</summary>
    private static string? RefitName(AttributeData attribute) =>
        attribute.AttributeClass is { ContainingNamespace: { Name: "Refit", ContainingNamespace.IsGlobalNamespace: true } } type ? type.Name : null;

    private static ISymbol? SecretMember(IOperation value, CymbioSymbols symbols) =>
        WithoutConversions(value) is IPropertyReferenceOperation property && symbols.IsSecret(property.Property) ? property.Property : null;

    private static string? GrantTypeName(IOperation value) =>
        WithoutConversions(value) is IFieldReferenceOperation { Field: { HasConstantValue: true } field } ? field.Name : null;

    private static IOperation WithoutConversions(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    private static bool IsNull(IOperation value) => value.ConstantValue is { HasValue: true, Value: null };

    /// <summary>What decides where a Refit method sends its parameters, read once per method.</summary>
    private sealed class RefitRequest
    {
        private RefitRequest(AttributeData http, string? route, bool isMultipart, bool hasImplicitBody)
        {
            Http = http;
            Route = route;
            IsMultipart = isMultipart;
            HasImplicitBody = hasImplicitBody;
        }

        /// <summary><c>[Get]</c> and the like, or a custom subclass of <c>Refit.HttpMethodAttribute</c>.</summary>
        public AttributeData Http { get; }

        /// <summary>The route template, with its query string if it has one.</summary>
        public string? Route { get; }

        /// <summary><c>[Multipart]</c>: parameters outside the path, the headers, the properties and <c>[Query]</c> are parts of the body.</summary>
        public bool IsMultipart { get; }

        /// <summary>A POST, PUT or PATCH without <c>[Multipart]</c> or a <c>[Body]</c> parameter: its reference-type parameter is the body.</summary>
        public bool HasImplicitBody { get; }

        /// <summary>The request of a Refit interface method, or <see langword="null"/> for any other method.</summary>
        public static RefitRequest? Of(IMethodSymbol method)
        {
            if (method.ContainingType?.TypeKind != TypeKind.Interface || !ScopeSymbols.TryGetHttp(method, out var http, out var verb, out var route, out _))
            {
                return null;
            }

            var isMultipart = method.GetAttributes().Any(static a => RefitName(a) == "MultipartAttribute");
            var hasImplicitBody = !isMultipart
                && verb is "POST" or "PUT" or "PATCH"
                && !method.Parameters.Any(static p => p.GetAttributes().Any(static a => RefitName(a) == "BodyAttribute"));
            return new RefitRequest(http, route, isMultipart, hasImplicitBody);
        }
    }
}
