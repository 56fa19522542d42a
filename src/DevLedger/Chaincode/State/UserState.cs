namespace GxProtocol.DevLedger.Chaincode.State;

/// <summary>A registered identity; its wallet is a separate <see cref="AccountState"/>. Loan counters serve the per-borrower limits.</summary>
internal sealed record UserState(
    string UserId,
    string Nationality,
    int Age,
    DateTimeOffset CreatedAt,
    bool GenesisReceived,
    int GenesisPhase,
    long GenesisAmount,
    int OpenLoans,
    long OutstandingQirat,
    string? KycEvidenceHash = null);
