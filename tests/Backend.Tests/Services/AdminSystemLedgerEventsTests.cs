using GxProtocol.Contract;
using GxProtocol.Grains.Commands;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.System;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Ledger;
using GxProtocol.Grains.System;
using GxProtocol.Grains.Users;
using Admin = GxProtocol.Contract.GxChaincode.Admin;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>How the system grain's state follows the admin events, and which of them the listener routes to it.</summary>
public sealed class AdminSystemLedgerEventsTests
{
    private static LedgerEventEnvelope Event<T>(T payload) where T : notnull =>
        new(new LedgerPosition(1, 0), "tx", typeof(T).Name, LedgerEventJson.Serialize(payload), DateTimeOffset.UnixEpoch);

    private static LedgerCommand Command(string transactionName, params string[] arguments) =>
        new(Guid.NewGuid(), transactionName, arguments, default, Guid.NewGuid(), DateTimeOffset.UnixEpoch);

    [Fact]
    public void Updates_and_executed_proposals_set_parameters_and_finish_the_matching_update_only()
    {
        var state = new SystemState();
        var matching = Command(Admin.UpdateSystemParameter, GxParameters.VotingPeriodDays, "7");
        var other = Command(Admin.UpdateSystemParameter, GxParameters.VotingPeriodDays, "9");
        state.Log.Pending[matching.CommandId] = matching;
        state.Log.Pending[other.CommandId] = other;

        SystemLedgerEvents.Apply(state, Event(new SystemParameterUpdated(GxParameters.VotingPeriodDays, 14, 7)));
        SystemLedgerEvents.Apply(state, Event(new ProposalExecuted("p1", GxParameters.MinProposalQuorum, 100, 3, 3, 0, 0, "passed")));

        Assert.Equal(7, state.Parameters[GxParameters.VotingPeriodDays]);
        Assert.Equal(3, state.Parameters[GxParameters.MinProposalQuorum]);
        Assert.Equal([other.CommandId], state.Log.Pending.Keys);
    }

    [Fact]
    public void Pause_and_resume_follow_the_ledger_and_finish_their_commands()
    {
        var state = new SystemState { Bootstrapped = true };
        var pause = Command(Admin.PauseSystem, "maintenance");
        state.Log.Pending[pause.CommandId] = pause;

        SystemLedgerEvents.Apply(state, Event(new SystemPaused("maintenance", DateTimeOffset.UnixEpoch)));
        Assert.True(state.Paused);
        Assert.Equal("maintenance", state.PauseReason);
        Assert.Empty(state.Log.Pending);

        SystemLedgerEvents.Apply(state, Event(new SystemResumed(DateTimeOffset.UnixEpoch)));
        Assert.False(state.Paused);
        Assert.Null(state.PauseReason);
    }

    [Fact]
    public void Countries_are_merged_and_pools_exclude_treasuries_and_wallets()
    {
        var state = new SystemState();
        SystemLedgerEvents.Apply(state, Event(new CountryDataInitialized([new("MY", "Malaysia", 10), new("DE", "Germany", 5)])));
        SystemLedgerEvents.Apply(state, Event(new CountryDataInitialized([new("DE", "Germany", 6)])));
        var user = Guid.NewGuid().ToString();
        SystemLedgerEvents.Apply(state, Event(new GenesisDistributed(user, "MY", 1, 500, 50,
            [new(user, 500), new(GxSupply.UserGenesisPool, 1_000), new(GxSupply.TreasuryAccount("MY"), 50)])));

        Assert.Equal([new CountryView("DE", "Germany", 6), new CountryView("MY", "Malaysia", 10)], state.Countries);
        Assert.Equal([GxSupply.UserGenesisPool], state.Pools.Keys);
    }

    [Fact]
    public void Appointments_and_treasury_activations_are_remembered_and_every_admin_event_reaches_the_system_grain()
    {
        var state = new SystemState();
        var adminId = Guid.NewGuid().ToString();
        SystemLedgerEvents.Apply(state, Event(new AdminAppointed(adminId, DateTimeOffset.UnixEpoch)));
        SystemLedgerEvents.Apply(state, Event(new TreasuryActivated("MY", GxSupply.TreasuryAccount("MY"), [])));

        Assert.Contains(adminId, state.AppointedAdmins);
        Assert.Contains("MY", state.ActiveTreasuries);
        foreach (var name in new[] { nameof(SystemParameterUpdated), nameof(ProposalExecuted), nameof(SystemPaused), nameof(SystemResumed),
                     nameof(AdminAppointed), nameof(TreasuryActivated), nameof(GenesisDistributed) })
        {
            Assert.Contains(LedgerEventRouting.ChannelsFor(Event(new { }) with { EventName = name }),
                c => c.ToString().Contains(LedgerChannels.System, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_user_becomes_admin_and_records_genesis_from_their_events()
    {
        var userId = Guid.NewGuid();
        var state = new UserState
        {
            Profile = new(userId, "a@b.c", "A", "B", null, null, "MY", new DateOnly(1990, 1, 1),
            UserStatus.Active, UserRole.User, DateTimeOffset.UnixEpoch)
        };

        UserLedgerEvents.Apply(state, new CommandLog(), userId, Event(new AdminAppointed(userId.ToString(), DateTimeOffset.UnixEpoch)));
        UserLedgerEvents.Apply(state, new CommandLog(), userId, Event(new GenesisDistributed(userId.ToString(), "MY", 1, 500, 50, [new(userId.ToString(), 500)])));

        Assert.Equal(UserRole.Admin, state.Profile.Role);
        Assert.True(state.GenesisReceived);
        Assert.Equal(500, state.Balance);
    }
}
