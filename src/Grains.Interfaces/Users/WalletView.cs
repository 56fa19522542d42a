namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>A wallet in Qirat: the ledger-confirmed balance, what pending commands hold, and what may still be spent.</summary>
[GenerateSerializer, Immutable, Alias("gx.WalletView")]
public sealed record WalletView(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] long Balance,
    [property: Id(2)] long PendingHolds,
    [property: Id(3)] bool Frozen)
{
    public long Available => Balance - PendingHolds;
}
