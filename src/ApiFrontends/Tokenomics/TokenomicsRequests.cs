using GxProtocol.ApiFrontends.Infrastructure;

namespace GxProtocol.ApiFrontends.Tokenomics;

public sealed record TransferRequestBody(Guid ToUserId, PositiveCoinAmount Amount, string? Remark = null);

public sealed record GenesisRequest(Guid UserId);

public sealed record FreezeWalletRequest(string Reason);
