using System.Threading.Tasks;
using Cymbio;
using Refit;

namespace Samples.LineBreaks;

/// <summary>Text from user code that C# reads as a line break (CR, LF, NEL U+0085, LS U+2028, PS U+2029).</summary>
[CymbioScope(CymbioScopes.ReadOrders)]
[PathPrefix(@"/v3/prefix sep")]
public interface ILineBreaksApi
{
    [Get(@"/line sep")]
    Task<string> Ls();

    [Get(@"/paragraph sep")]
    Task<string> Ps();

    [Get(@"/nextline")]
    Task<string> Nel();

    [Get(@"/verbatim
newline")]
    Task<string> Verbatim();

    [Get("""
        /raw sep
        """)]
    Task<string> Raw();

    [Put("/escaped\u2028\u2029\u0085\r\n")]
    [CymbioScope(CymbioScopes.WriteOrders)]
    Task Escaped();
}
