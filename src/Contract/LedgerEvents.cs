using System.Text.Json;
using System.Text.Json.Serialization;

namespace GxProtocol.Contract;

/// <summary>
/// Chaincode event payloads (JSON, camelCase, amounts in integer Qirat). Each is self-sufficient: it carries
/// the resulting balances of every account it touched, so a projection can apply it without reading the ledger.
/// The exception is a pool credited blindly (the operations fund by each fee, the charitable pool by each velocity
/// tax): the chaincode writes the credit without reading the pool, so its resulting balance is unknown; the event
/// carries the amount credited instead, and GetBalance gives the pool's balance.
/// The event name is the record's name without a suffix. The records of the other contracts live beside this file
/// (AdminEvents, TokenomicsEvents, OrganizationEvents, LoanEvents, GovernanceEvents, TaxEvents).
/// </summary>
public static class LedgerEventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Serialize<T>(T payload) => JsonSerializer.SerializeToUtf8Bytes(payload, Options);

    public static T Deserialize<T>(ReadOnlySpan<byte> payload) =>
        JsonSerializer.Deserialize<T>(payload, Options) ?? throw new JsonException($"Empty {typeof(T).Name} payload.");
}

/// <summary>A balance after the transaction: <paramref name="Account"/> is a user id, a pool name or <c>treasury:CC</c>.</summary>
public sealed record AccountBalance(string Account, long Balance);

[Party(LedgerPartyKind.System)]
public sealed record SystemBootstrapped(long TotalSupply, IReadOnlyList<AccountBalance> Pools) : ILedgerEvent;

public sealed record CountryAllocation(string Code, string Name, decimal Percentage);

[Party(LedgerPartyKind.System)]
public sealed record CountryDataInitialized(IReadOnlyList<CountryAllocation> Countries) : ILedgerEvent;

/// <summary>
/// A user registered on chain with their genesis allocation (zero once the phases are exhausted) and, when the
/// approval named one, the SHA-256 of the KYC evidence (an uploaded document's bytes) the admin approved.
/// </summary>
[Party(LedgerPartyKind.System)]
public sealed record UserCreated(
    [property: Party(LedgerPartyKind.User)] string UserId,
    string Nationality,
    int Age,
    int GenesisPhase,
    long GenesisAmount,
    long TreasuryAmount,
    [property: Party(LedgerPartyKind.Account)] IReadOnlyList<AccountBalance> Balances,
    string? KycEvidenceHash = null) : ILedgerEvent;

/// <summary>
/// A transfer with its fee. <paramref name="Balances"/> holds the resulting balances of the sender and the receiver
/// but not of the operations fund: the fund is credited <paramref name="Fee"/> without being read (so fee-paying
/// transfers never conflict on it), and its balance is known only to TokenomicsContract:GetBalance.
/// </summary>
public sealed record TransferWithFeesCompleted(
    string CommandId,
    [property: Party(LedgerPartyKind.User)][property: Party(LedgerPartyKind.TaxAccount)] string From,
    [property: Party(LedgerPartyKind.User)][property: Party(LedgerPartyKind.TaxAccount)] string To,
    long Amount,
    long Fee,
    long FeeFromSender,
    long FeeFromReceiver,
    long NetReceived,
    int FeeBps,
    string Remark,
    [property: Party(LedgerPartyKind.Account)] IReadOnlyList<AccountBalance> Balances) : ILedgerEvent;
