namespace GxProtocol.DevLedger.Chaincode.State;

/// <summary>The <c>system</c> document: written once at bootstrap, then only by pause / resume.</summary>
internal sealed record SystemState(DateTimeOffset BootstrappedAt, bool Paused, string PauseReason);
