using System.Text.Json;
using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.System;
using Orleans.BroadcastChannel;

namespace GxProtocol.Grains.Ledger;

/// <summary>
/// Which channels an event goes to: the read models always, the system grain for system-wide events, every user
/// the payload names (as a party of the transaction or as a balance it changed), the organization, loan or proposal
/// it is about, and the tax account of whoever paid a fee or a velocity tax in it.
/// </summary>
public static class LedgerEventRouting
{
    private static readonly string[] UserFields = ["userId", "from", "to", "borrowerId", "voterId", "initiatorId", "approverId", "stakeholderId", "adminId"];

    private static readonly (string Field, string Channel)[] EntityFields =
    [
        ("loanId", LedgerChannels.Loans),
        ("proposalId", LedgerChannels.Proposals),
    ];

    /// <summary>Events that charge a fee or a tax or restart the idle clock, and the fields naming the accounts concerned.</summary>
    private static readonly Dictionary<string, string[]> TaxPayerFields = new()
    {
        [nameof(TransferWithFeesCompleted)] = ["from", "to"],
        [nameof(MultiSigTxInitiated)] = ["orgId", "to"],
        [nameof(MultiSigTxExecuted)] = ["orgId", "to"],
        [nameof(VelocityTaxApplied)] = ["accountId"],
        [nameof(LoanRepaid)] = ["borrowerId"],
    };

    public static IReadOnlyList<ChannelId> ChannelsFor(LedgerEventEnvelope ledgerEvent)
    {
        var channels = new List<ChannelId> { ChannelId.Create(LedgerChannels.ReadModels, LedgerChannels.SingletonKey) };
        if (SystemLedgerEvents.Handled.Contains(ledgerEvent.EventName))
        {
            channels.Add(ChannelId.Create(LedgerChannels.System, Interfaces.System.ISystemGrain.Key));
        }
        try
        {
            using var document = JsonDocument.Parse(ledgerEvent.Payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                AddNamedParties(document.RootElement, ledgerEvent.EventName, channels);
            }
        }
        catch (JsonException)
        {
            // Unreadable payloads still reach the read-model projector, which dead-letters them.
        }
        return channels;
    }

    private static void AddNamedParties(JsonElement payload, string eventName, List<ChannelId> channels)
    {
        var users = new HashSet<Guid>();
        var organizations = new HashSet<string>();
        foreach (var field in UserFields)
        {
            if (Guid.TryParse(StringField(payload, field), out var id))
            {
                users.Add(id);
            }
        }
        if (payload.TryGetProperty("balances", out var balances) && balances.ValueKind == JsonValueKind.Array)
        {
            foreach (var balance in balances.EnumerateArray())
            {
                var account = balance.ValueKind == JsonValueKind.Object ? StringField(balance, "account") : null;
                if (Guid.TryParse(account, out var id))
                {
                    users.Add(id);
                }
                else if (account is { Length: > 0 } && !GxSupply.IsSystemAccount(account))
                {
                    // Neither a user nor a pool or treasury: an organization's wallet (a payment into it names it only here).
                    organizations.Add(account);
                }
            }
        }
        channels.AddRange(users.Select(id => ChannelId.Create(LedgerChannels.Users, id)));

        if (StringField(payload, "orgId") is { Length: > 0 } orgId)
        {
            organizations.Add(orgId);
        }
        channels.AddRange(organizations.Select(id => ChannelId.Create(LedgerChannels.Organizations, id)));
        foreach (var (field, channel) in EntityFields)
        {
            if (StringField(payload, field) is { Length: > 0 } key)
            {
                channels.Add(ChannelId.Create(channel, key));
            }
        }
        if (TaxPayerFields.TryGetValue(eventName, out var payerFields))
        {
            foreach (var account in payerFields.Select(f => StringField(payload, f)).OfType<string>().Where(a => a.Length > 0).Distinct())
            {
                channels.Add(ChannelId.Create(LedgerChannels.TaxAccounts, account));
            }
        }
    }

    private static string? StringField(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
