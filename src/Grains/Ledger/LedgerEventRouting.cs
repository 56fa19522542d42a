using System.Text.Json;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.System;
using Orleans.BroadcastChannel;

namespace GxProtocol.Grains.Ledger;

/// <summary>
/// Which channels an event goes to: the read models always, the system grain for system-wide events, and every
/// user the payload names (as a party of the transaction or as a balance it changed).
/// </summary>
public static class LedgerEventRouting
{
    private static readonly string[] UserFields = ["userId", "from", "to", "borrowerId", "voterId", "initiatorId"];

    public static IReadOnlyList<ChannelId> ChannelsFor(LedgerEventEnvelope ledgerEvent)
    {
        var channels = new List<ChannelId> { ChannelId.Create(LedgerChannels.ReadModels, LedgerChannels.SingletonKey) };
        if (SystemLedgerEvents.Handled.Contains(ledgerEvent.EventName))
        {
            channels.Add(ChannelId.Create(LedgerChannels.System, Interfaces.System.ISystemGrain.Key));
        }
        foreach (var userId in UsersNamedIn(ledgerEvent.Payload))
        {
            channels.Add(ChannelId.Create(LedgerChannels.Users, userId));
        }
        return channels;
    }

    private static HashSet<Guid> UsersNamedIn(byte[] payload)
    {
        var users = new HashSet<Guid>();
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return users;
            }
            foreach (var field in UserFields)
            {
                if (document.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id))
                {
                    users.Add(id);
                }
            }
            if (document.RootElement.TryGetProperty("balances", out var balances) && balances.ValueKind == JsonValueKind.Array)
            {
                foreach (var balance in balances.EnumerateArray())
                {
                    if (balance.ValueKind == JsonValueKind.Object && balance.TryGetProperty("account", out var account)
                        && account.ValueKind == JsonValueKind.String && Guid.TryParse(account.GetString(), out var id))
                    {
                        users.Add(id);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Unreadable payloads still reach the read-model projector, which dead-letters them.
        }
        return users;
    }
}
