using GxProtocol.Grains.ReadModels;
using GxProtocol.Grains.Users;
using Microsoft.Extensions.DependencyInjection;

namespace GxProtocol.Grains;

/// <summary>
/// The people features' wiring: the user directory, audit, relationship and notification stores are the registered read-model store (both
/// implementations carry them), and user grains keep their directory rows current through a call filter.
/// </summary>
public static class GxPeopleSiloBuilderExtensions
{
    public static ISiloBuilder AddGxPeople(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton(services => Store<IUserDirectoryStore>(services));
        silo.Services.AddSingleton(services => Store<IAuditLogStore>(services));
        silo.Services.AddSingleton(services => Store<IRelationshipStore>(services));
        silo.Services.AddSingleton(services => Store<INotificationStore>(services));
        silo.AddIncomingGrainCallFilter<UserDirectoryCallFilter>();
        return silo;
    }

    private static T Store<T>(IServiceProvider services) => services.GetRequiredService<IReadModelStore>() is T store
        ? store
        : throw new InvalidOperationException($"The registered {nameof(IReadModelStore)} does not implement {typeof(T).Name}.");
}
