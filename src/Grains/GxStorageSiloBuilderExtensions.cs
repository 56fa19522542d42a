using GxProtocol.Grains.Infrastructure;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Serialization;

namespace GxProtocol.Grains;

public static class GxStorageSiloBuilderExtensions
{
    /// <summary>
    /// In-memory grain storage that keeps state in the Orleans binary format, as PostgreSQL mode does. The provider's
    /// default (type-named JSON) cost most of the embedded default's CPU under load.
    /// </summary>
    public static ISiloBuilder AddGxMemoryGrainStorage(this ISiloBuilder silo, string name = GxStorage.Name) =>
        silo.AddMemoryGrainStorage(name, options => options.Configure<Serializer>((storage, serializer) =>
            storage.GrainStorageSerializer = new OrleansBinaryGrainStorageSerializer(serializer)));

    /// <summary>The default provider and <see cref="GxStorage.Name"/>, both in memory.</summary>
    public static ISiloBuilder AddGxMemoryGrainStorageAsDefault(this ISiloBuilder silo) =>
        silo.AddGxMemoryGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME).AddGxMemoryGrainStorage();
}
