using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace GxProtocol.Contract;

/// <summary>
/// Every chaincode event by its name, and the parties an event declares (<see cref="PartyAttribute"/>). The backend
/// routes an event by reading these parties, so a party reaches its grain whatever its property is called.
/// </summary>
public static class LedgerEventTypes
{
    // Routing asks for every event on the ledger: the reflection is done once per type.
    private static readonly ConcurrentDictionary<Type, PartyProperty[]> PartyProperties = new();
    private static readonly ConcurrentDictionary<Type, LedgerPartyKind[]> TypePartyKinds = new();

    /// <summary>Every event record of the contract (each <see cref="ILedgerEvent"/> in this assembly) by its name.</summary>
    public static IReadOnlyDictionary<string, Type> ByName { get; } = typeof(ILedgerEvent).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(ILedgerEvent)))
        .ToDictionary(type => type.Name, StringComparer.Ordinal);

    /// <summary>The kinds an event type declares on itself (today only <see cref="LedgerPartyKind.System"/>).</summary>
    public static IReadOnlyList<LedgerPartyKind> TypeParties(Type eventType) => TypePartyKinds.GetOrAdd(
        eventType, type => type.GetCustomAttributes<PartyAttribute>().Select(party => party.Kind).ToArray());

    /// <summary>The properties of an event type that name parties, with the kinds each names.</summary>
    public static IReadOnlyList<(PropertyInfo Property, IReadOnlyList<LedgerPartyKind> Kinds)> PartyPropertiesOf(Type eventType) =>
        Properties(eventType).Select(entry => (entry.Property, (IReadOnlyList<LedgerPartyKind>)entry.Kinds)).ToList();

    /// <summary>
    /// The parties named by the event's properties, in declaration order; empty ids and absent values name nobody.
    /// Parties declared on the type carry no id and are given by <see cref="TypeParties"/>.
    /// </summary>
    public static IEnumerable<LedgerParty> PartiesOf(ILedgerEvent ledgerEvent)
    {
        foreach (var (property, kinds) in Properties(ledgerEvent.GetType()))
        {
            foreach (var id in Ids(property.GetValue(ledgerEvent)))
            {
                foreach (var kind in kinds)
                {
                    yield return new LedgerParty(kind, id);
                }
            }
        }
    }

    /// <summary>The event of that name read from its payload; null when no event has that name.</summary>
    /// <exception cref="JsonException">The payload is not that event's JSON.</exception>
    public static ILedgerEvent? Deserialize(string eventName, ReadOnlySpan<byte> payload) =>
        ByName.TryGetValue(eventName, out var type)
            ? (ILedgerEvent)(JsonSerializer.Deserialize(payload, type, LedgerEventJson.Options)
                ?? throw new JsonException($"Empty {eventName} payload."))
            : null;

    private static IEnumerable<string> Ids(object? value) => value switch
    {
        string id when id.Length > 0 => [id],
        IEnumerable<AccountBalance> balances => balances.Select(balance => balance?.Account).OfType<string>().Where(id => id.Length > 0),
        _ => [],
    };

    private static PartyProperty[] Properties(Type eventType) => PartyProperties.GetOrAdd(eventType, type => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(property => new PartyProperty(property, property.GetCustomAttributes<PartyAttribute>().Select(party => party.Kind).ToArray()))
        .Where(entry => entry.Kinds.Length > 0)
        .ToArray());

    private sealed record PartyProperty(PropertyInfo Property, LedgerPartyKind[] Kinds);
}
