using System.Text.Json;
using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Ledger;
using Orleans.BroadcastChannel;

namespace GxProtocol.Grains.Ledger;

/// <summary>
/// Which channels an event goes to: the read models always, and each party the event's record declares
/// (<see cref="LedgerEventTypes"/>): the system grain for system-wide events, every user named as a party or as an
/// account whose balance changed, the organization (named, or an organization wallet among the balances), the loan or
/// proposal, and the tax account of whoever paid a fee or a velocity tax in it.
/// </summary>
public static class LedgerEventRouting
{
    public static IReadOnlyList<ChannelId> ChannelsFor(LedgerEventEnvelope ledgerEvent)
    {
        var channels = new List<ChannelId> { ChannelId.Create(LedgerChannels.ReadModels, LedgerChannels.SingletonKey) };
        if (!LedgerEventTypes.ByName.TryGetValue(ledgerEvent.EventName, out var eventType))
        {
            // An event this backend does not know reaches only the read-model projector, which dead-letters it.
            return channels;
        }
        if (LedgerEventTypes.TypeParties(eventType).Contains(LedgerPartyKind.System))
        {
            channels.Add(ChannelId.Create(LedgerChannels.System, Interfaces.System.ISystemGrain.Key));
        }
        ILedgerEvent? payload;
        try
        {
            payload = LedgerEventTypes.Deserialize(ledgerEvent.EventName, ledgerEvent.Payload);
        }
        catch (JsonException)
        {
            // Unreadable payloads still reach the read-model projector, which dead-letters them.
            return channels;
        }
        if (payload is not null)
        {
            AddParties(LedgerEventTypes.PartiesOf(payload).ToList(), channels);
        }
        return channels;
    }

    private static void AddParties(List<LedgerParty> parties, List<ChannelId> channels)
    {
        var users = new List<Guid>();
        var organizations = new List<string>();
        foreach (var party in parties)
        {
            switch (party.Kind)
            {
                case LedgerPartyKind.User when Guid.TryParse(party.Id, out var userId):
                    users.Add(userId);
                    break;
                case LedgerPartyKind.Account when Guid.TryParse(party.Id, out var userId):
                    users.Add(userId);
                    break;
                case LedgerPartyKind.Account when !GxSupply.IsSystemAccount(party.Id):
                    // Neither a user nor a pool or treasury: an organization's wallet (a payment into it names it only here).
                    organizations.Add(party.Id);
                    break;
                case LedgerPartyKind.Organization:
                    organizations.Add(party.Id);
                    break;
            }
        }
        channels.AddRange(users.Distinct().Select(id => ChannelId.Create(LedgerChannels.Users, id)));
        channels.AddRange(organizations.Distinct().Select(id => ChannelId.Create(LedgerChannels.Organizations, id)));
        AddEntities(parties, LedgerPartyKind.Loan, LedgerChannels.Loans, channels);
        AddEntities(parties, LedgerPartyKind.Proposal, LedgerChannels.Proposals, channels);
        AddEntities(parties, LedgerPartyKind.TaxAccount, LedgerChannels.TaxAccounts, channels);
    }

    private static void AddEntities(List<LedgerParty> parties, LedgerPartyKind kind, string channel, List<ChannelId> channels) =>
        channels.AddRange(parties.Where(party => party.Kind == kind).Select(party => party.Id).Distinct()
            .Select(id => ChannelId.Create(channel, id)));
}
