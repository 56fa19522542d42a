using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.ReadModels;
using GxProtocol.Silo.ReadModels;

namespace GxProtocol.Backend.Tests.ReadModels;

/// <summary>A PostgreSQL read-model store on a fresh migrated database per test: the store's checkpoint is a single row.</summary>
internal sealed class PostgresReadModelStoreScope : IAsyncLifetime
{
    private readonly PostgresFixture _database = new();
    private PostgresReadModelStore? _store;

    public IReadModelStore Store => _store ?? throw new InvalidOperationException("Not initialized.");

    public string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _store = new PostgresReadModelStore(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _store!.DisposeAsync();
        await _database.DisposeAsync();
    }
}
