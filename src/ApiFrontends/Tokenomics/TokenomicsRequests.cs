using GxProtocol.ApiFrontends.Domain.Money;

namespace GxProtocol.ApiFrontends.Tokenomics;

/// <summary>A transfer to a user (<see cref="ToUserId"/>) or to an organization's wallet (<see cref="ToOrgId"/>): exactly one.</summary>
public sealed record TransferRequestBody(PositiveCoinAmount Amount, Guid? ToUserId = null, string? Remark = null, string? ToOrgId = null);

public sealed record GenesisRequest(Guid UserId);

public sealed record FreezeWalletRequest(string Reason);
