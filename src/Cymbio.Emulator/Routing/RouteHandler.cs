using System.Threading.Tasks;

namespace Cymbio.Emulator;

/// <summary>Answers one authorised request of one route.</summary>
internal delegate Task RouteHandler(EmulatorCall call);
