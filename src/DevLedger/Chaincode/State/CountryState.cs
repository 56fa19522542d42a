namespace GxProtocol.DevLedger.Chaincode.State;

/// <summary>A country's share (percent, 0–100) of every genesis phase and how many geneses it has paid.</summary>
internal sealed record CountryState(string Code, string Name, decimal Percentage, long GenesisRecipients, long Users);
