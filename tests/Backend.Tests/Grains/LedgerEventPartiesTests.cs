using GxProtocol.Contract;
using GxProtocol.Grains.System;

namespace GxProtocol.Backend.Tests.Grains;

/// <summary>
/// Every chaincode event declares whom it concerns, so routing can never silently
/// miss a party because of how a property is called.
/// </summary>
public sealed class LedgerEventPartiesTests
{
    public static TheoryData<string> EventNames => [.. LedgerEventTypes.ByName.Keys];

    [Fact]
    public void The_registry_holds_the_chaincode_events()
    {
        // ByName is derived from the contract assembly: a sample of events proves the scan finds them, and nothing else.
        Assert.Contains(nameof(TransferWithFeesCompleted), LedgerEventTypes.ByName.Keys);
        Assert.Contains(nameof(SystemBootstrapped), LedgerEventTypes.ByName.Keys);
        Assert.Contains(nameof(VoteCast), LedgerEventTypes.ByName.Keys);
        Assert.DoesNotContain(nameof(TransferFees), LedgerEventTypes.ByName.Keys);
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void Every_event_declares_a_party_or_is_system_wide(string eventName)
    {
        var type = LedgerEventTypes.ByName[eventName];

        var declared = LedgerEventTypes.TypeParties(type).Count + LedgerEventTypes.PartyPropertiesOf(type).Count;

        Assert.True(declared > 0, $"{eventName} names no party: mark the properties naming its parties with [property: Party(...)], or the record with [Party(LedgerPartyKind.System)].");
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void Parties_are_declared_where_they_can_be_read(string eventName)
    {
        var type = LedgerEventTypes.ByName[eventName];

        Assert.All(LedgerEventTypes.TypeParties(type), kind => Assert.Equal(LedgerPartyKind.System, kind));
        foreach (var (property, kinds) in LedgerEventTypes.PartyPropertiesOf(type))
        {
            Assert.DoesNotContain(LedgerPartyKind.System, kinds);
            Assert.True(property.PropertyType == typeof(string) || typeof(IEnumerable<AccountBalance>).IsAssignableFrom(property.PropertyType),
                $"{eventName}.{property.Name} is a {property.PropertyType.Name}; a party is a string id or a list of AccountBalance.");
        }
    }

    [Fact]
    public void The_system_grain_receives_exactly_the_system_wide_events()
    {
        var systemWide = LedgerEventTypes.ByName
            .Where(entry => LedgerEventTypes.TypeParties(entry.Value).Contains(LedgerPartyKind.System))
            .Select(entry => entry.Key)
            .ToHashSet();

        Assert.True(SystemLedgerEvents.Handled.SetEquals(systemWide),
            $"System grain handles [{string.Join(", ", SystemLedgerEvents.Handled.Order())}]; events declared system-wide: [{string.Join(", ", systemWide.Order())}].");
    }

    [Fact]
    public void A_record_without_parties_is_detected()
    {
        Assert.Empty(LedgerEventTypes.PartyPropertiesOf(typeof(Unmarked)));
        Assert.Empty(LedgerEventTypes.TypeParties(typeof(Unmarked)));
        Assert.Single(LedgerEventTypes.PartyPropertiesOf(typeof(Marked)));
    }

    private sealed record Unmarked(string UserId);

    private sealed record Marked([property: Party(LedgerPartyKind.User)] string UserId);
}
