namespace GxProtocol.ApiFrontends.Admin;

public sealed record CountryRequest(string Code, string Name, decimal Percentage);

public sealed record DenyUserRequest(string Reason);

public sealed record CancelCommandRequest(string Reason);

public sealed record UpdateParameterRequest(string ParamId, long NewValue);

public sealed record PauseSystemRequest(string Reason);

public sealed record AppointAdminRequest(Guid NewAdminId);

public sealed record ActivateTreasuryRequest(string CountryCode);
