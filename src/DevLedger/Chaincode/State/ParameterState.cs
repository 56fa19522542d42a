namespace GxProtocol.DevLedger.Chaincode.State;

/// <summary>A system parameter set by UpdateSystemParameter or a governance proposal; absent means the default.</summary>
internal sealed record ParameterState(string Name, long Value);
