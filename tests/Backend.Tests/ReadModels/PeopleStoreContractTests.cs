using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Audit;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.ReadModels;
using GxProtocol.Silo.ReadModels;
using Npgsql;

namespace GxProtocol.Backend.Tests.ReadModels;

/// <summary>The user directory and the audit log: one contract for the memory and the PostgreSQL store.</summary>
public abstract class PeopleStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    protected abstract IReadModelStore Store { get; }

    private IUserDirectoryStore Users => (IUserDirectoryStore)Store;

    private IAuditLogStore Audit => (IAuditLogStore)Store;

    private static UserDirectoryEntry User(Guid id, string email, string first, string last, string status, int minute = 0) =>
        new(id, email, first, last, "MY", status, "user", "NOT_SUBMITTED", T0, T0.AddMinutes(minute));

    [Fact]
    public async Task A_user_keeps_their_place_and_gains_a_history_step_only_when_the_status_moves()
    {
        var ada = Guid.NewGuid();
        var bob = Guid.NewGuid();
        await Users.UpsertUserAsync(User(ada, "ada@x.test", "Ada", "Lovelace", UserStatusNames.Registered));
        await Users.UpsertUserAsync(User(bob, "bob@x.test", "Bob", "Builder", UserStatusNames.Registered));
        await Users.UpsertUserAsync(User(ada, "ada@x.test", "Ada", "King", UserStatusNames.Registered, 1));
        await Users.UpsertUserAsync(User(ada, "ada@x.test", "Ada", "King", UserStatusNames.PendingAdminApproval, 2));

        var list = await Users.ListUsersAsync(new UserListQuery(null, null, null, 10));
        Assert.Equal([bob, ada], list.Items.Select(u => u.UserId));
        var stored = await Users.GetUserAsync(ada);
        Assert.Equal(("King", UserStatusNames.PendingAdminApproval, T0.AddMinutes(2)), (stored!.LastName, stored.Status, stored.UpdatedAt));
        Assert.Equal([(UserStatusNames.Registered, T0), (UserStatusNames.PendingAdminApproval, T0.AddMinutes(2))],
            (await Users.GetStatusHistoryAsync(ada)).Select(h => (h.Status, h.At)));
        Assert.Null(await Users.GetUserAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task The_list_filters_by_status_and_by_a_search_in_email_or_name_and_pages_with_a_cursor()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(Guid.NewGuid());
            await Users.UpsertUserAsync(User(ids[i], $"user{i}@Example.test", $"First{i}", i == 3 ? "Van_Dyke" : $"Last{i}",
                i % 2 == 0 ? UserStatusNames.PendingAdminApproval : UserStatusNames.Active));
        }

        var pending = await Users.ListUsersAsync(new UserListQuery(UserStatusNames.PendingAdminApproval, null, null, 2));
        Assert.Equal([ids[4], ids[2]], pending.Items.Select(u => u.UserId));
        var rest = await Users.ListUsersAsync(new UserListQuery(UserStatusNames.PendingAdminApproval, null, pending.NextCursor, 2));
        Assert.Equal([ids[0]], rest.Items.Select(u => u.UserId));
        Assert.Null(rest.NextCursor);

        Assert.Equal([ids[1]], (await Users.ListUsersAsync(new UserListQuery(null, "USER1@example", null, 10))).Items.Select(u => u.UserId));
        Assert.Equal([ids[2]], (await Users.ListUsersAsync(new UserListQuery(null, "first2 last2", null, 10))).Items.Select(u => u.UserId));
        // LIKE wildcards in a search are plain characters.
        Assert.Equal([ids[3]], (await Users.ListUsersAsync(new UserListQuery(null, "n_d", null, 10))).Items.Select(u => u.UserId));
        Assert.Empty((await Users.ListUsersAsync(new UserListQuery(null, "%", null, 10))).Items);
        Assert.Empty((await Users.ListUsersAsync(new UserListQuery(UserStatusNames.Active, "first2", null, 10))).Items);
    }

    [Fact]
    public async Task Counts_per_status_agree_with_the_list()
    {
        var statuses = new[] { UserStatusNames.Registered, UserStatusNames.Active, UserStatusNames.Active, UserStatusNames.Frozen };
        foreach (var status in statuses)
        {
            await Users.UpsertUserAsync(User(Guid.NewGuid(), "u@x.test", "U", "V", status));
        }
        var counts = await Users.CountUsersByStatusAsync();
        foreach (var status in statuses.Distinct())
        {
            var listed = (await Users.ListUsersAsync(new UserListQuery(status, null, null, 100))).Items.Count;
            Assert.Equal(listed, counts[status]);
        }
        Assert.Equal(2, counts[UserStatusNames.Active]);
        Assert.False(counts.ContainsKey(UserStatusNames.Denied));
    }

    [Fact]
    public async Task The_audit_log_lists_newest_first_by_actor_action_target_and_request_id()
    {
        var admin = Guid.NewGuid();
        var other = Guid.NewGuid();
        await Audit.AppendAuditAsync(new AuditEntry(T0, admin, "admin", "POST /admin/api/v1/users/{id}/approve", "u1", "r1", 202, AuditOutcomes.Succeeded));
        await Audit.AppendAuditAsync(new AuditEntry(T0, other, "user", "POST /admin/api/v1/users/{id}/approve", "u2", "r2", 403, AuditOutcomes.Refused));
        await Audit.AppendAuditAsync(new AuditEntry(T0, null, null, "GET /admin/api/v1/counters", null, "r3", 401, AuditOutcomes.Refused));
        await Audit.AppendAuditAsync(new AuditEntry(T0, admin, "admin", "POST /admin/api/v1/users/{id}/deny", "u2", "r4", 200, AuditOutcomes.Succeeded));

        var all = await Audit.ListAuditAsync(new AuditQuery(null, null, null, null, null, 3));
        Assert.Equal(["r4", "r3", "r2"], all.Items.Select(a => a.RequestId));
        Assert.Equal(["r1"], (await Audit.ListAuditAsync(new AuditQuery(null, null, null, null, all.NextCursor, 3))).Items.Select(a => a.RequestId));
        Assert.Equal(["r4", "r1"], (await Audit.ListAuditAsync(new AuditQuery(admin, null, null, null, null, 10))).Items.Select(a => a.RequestId));
        Assert.Equal(["r2", "r1"], (await Audit.ListAuditAsync(new AuditQuery(null, "POST /admin/api/v1/users/{id}/approve", null, null, null, 10)))
            .Items.Select(a => a.RequestId));
        Assert.Equal(["r4", "r2"], (await Audit.ListAuditAsync(new AuditQuery(null, null, "u2", null, null, 10))).Items.Select(a => a.RequestId));
        var anonymous = Assert.Single((await Audit.ListAuditAsync(new AuditQuery(null, null, null, "r3", null, 10))).Items);
        Assert.Equal((null, null, 401, AuditOutcomes.Refused), (anonymous.ActorId, anonymous.ActorRole, anonymous.StatusCode, anonymous.Outcome));
    }

    [Fact]
    public async Task Rebuilding_the_ledger_read_models_leaves_users_and_audit_alone()
    {
        var ada = Guid.NewGuid();
        await Users.UpsertUserAsync(User(ada, "ada@x.test", "Ada", "Lovelace", UserStatusNames.Registered));
        await Audit.AppendAuditAsync(new AuditEntry(T0, ada, "admin", "POST /admin/api/v1/read-models/rebuild", null, "r1", 200, AuditOutcomes.Succeeded));

        Assert.True(await Store.ReplaceAsync(LedgerPosition.None, []));

        Assert.NotNull(await Users.GetUserAsync(ada));
        Assert.Single((await Audit.ListAuditAsync(new AuditQuery(null, null, null, null, null, 10))).Items);
    }
}

public sealed class InMemoryPeopleStoreTests : PeopleStoreContractTests
{
    protected override IReadModelStore Store { get; } = new InMemoryReadModelStore();
}

[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class PostgresPeopleStoreTests : PeopleStoreContractTests, IAsyncLifetime
{
    private readonly PostgresStoreScope<PostgresReadModelStore> _postgres = new(connectionString => new PostgresReadModelStore(connectionString));

    protected override IReadModelStore Store => _postgres.Store;

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public Task DisposeAsync() => _postgres.DisposeAsync();

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_audit_rows()
    {
        await ((IAuditLogStore)Store).AppendAuditAsync(new AuditEntry(DateTimeOffset.UnixEpoch, null, null, "GET /x", null, "r1", 200, AuditOutcomes.Succeeded));
        await using var connection = new NpgsqlConnection(_postgres.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE gx_audit_log SET outcome = 'FAILED'", "DELETE FROM gx_audit_log", "TRUNCATE gx_audit_log" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.MessageText);
        }
        Assert.Single((await ((IAuditLogStore)Store).ListAuditAsync(new AuditQuery(null, null, null, null, null, 10))).Items);
    }
}
