using GxProtocol.ApiFrontends.Domain.Money;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.ApiFrontends.Tokenomics;

/// <summary>A wallet in coins: ledger balance, what pending commands hold, and what may still be spent.</summary>
public sealed record BalanceResponse(Guid ProfileId, string Balance, string PendingHolds, string Available, bool Frozen)
{
    public static BalanceResponse From(WalletView wallet) => new(wallet.UserId, CoinFormat.ToCoins(wallet.Balance),
        CoinFormat.ToCoins(wallet.PendingHolds), CoinFormat.ToCoins(wallet.Available), wallet.Frozen);
}

public sealed record WalletTransactionResponse(
    string TxId, ulong BlockNumber, string Kind, string? Counterparty, string Amount, string Fee, string BalanceAfter,
    string? Remark, DateTimeOffset RecordedAt)
{
    public static WalletTransactionResponse From(WalletTransactionView line) => new(line.TransactionId, line.BlockNumber, line.Kind,
        line.Counterparty, SignedCoins(line.Amount), CoinFormat.ToCoins(line.Fee), CoinFormat.ToCoins(line.BalanceAfter), line.Remark, line.RecordedAt);

    private static string SignedCoins(long qirat) => qirat < 0 ? "-" + CoinFormat.ToCoins(-qirat) : CoinFormat.ToCoins(qirat);
}

public sealed record WalletTransactionsPage(IReadOnlyList<WalletTransactionResponse> Items, string? NextCursor);

/// <summary>A national treasury's balance in coins and whether it may send yet.</summary>
public sealed record TreasuryBalanceResponse(string CountryCode, string Account, string Balance, bool Active)
{
    public static TreasuryBalanceResponse From(TreasurySummary treasury) =>
        new(treasury.CountryCode, $"treasury:{treasury.CountryCode}", CoinFormat.ToCoins(treasury.Balance), treasury.Active);
}
