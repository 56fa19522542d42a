namespace GxProtocol.ApiFrontends.Admin;

public sealed record CountryRequest(string Code, string Name, decimal Percentage);

public sealed record DenyUserRequest(string Reason);

public sealed record CancelCommandRequest(string Reason);
