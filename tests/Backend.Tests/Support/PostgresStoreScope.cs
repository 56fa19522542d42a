namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// A PostgreSQL-backed store on a fresh migrated database per test, for the PostgreSQL half of a store contract test:
/// the stores keep single-row checkpoints and sequences, so tests must not share a database.
/// </summary>
public sealed class PostgresStoreScope<TStore>(Func<string, TStore> create) : IAsyncLifetime
    where TStore : class, IAsyncDisposable
{
    private readonly PostgresFixture _database = new();
    private TStore? _store;

    public TStore Store => _store ?? throw new InvalidOperationException("The store is not initialized yet.");

    public string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _store = create(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
        await _database.DisposeAsync();
    }
}
