using GxProtocol.ApiFrontends.Infrastructure;

namespace GxProtocol.ApiFrontends.Tokenomics;

public sealed record TransferRequestBody(Guid ToUserId, PositiveCoinAmount Amount, string? Remark = null);
