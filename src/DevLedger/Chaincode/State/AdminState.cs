namespace GxProtocol.DevLedger.Chaincode.State;

internal sealed record AdminState(string AdminId, DateTimeOffset AppointedAt);
