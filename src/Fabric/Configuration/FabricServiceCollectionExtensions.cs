using GxProtocol.Fabric.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GxProtocol.Fabric.Configuration;

public static class FabricServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ILedgerClient"/> bound to a configuration section (normally <c>Gx:Fabric</c>), validated at start.</summary>
    public static IServiceCollection AddFabricLedgerClient(this IServiceCollection services, IConfiguration section)
    {
        string path = section is IConfigurationSection named ? named.Path : FabricOptions.SectionName;
        services.AddOptions<FabricOptions>().Bind(section).ValidateOnStart();
        return services.AddFabricLedgerClientCore(path);
    }

    /// <summary>Registers <see cref="ILedgerClient"/> configured in code, validated at start.</summary>
    public static IServiceCollection AddFabricLedgerClient(this IServiceCollection services, Action<FabricOptions> configure)
    {
        services.AddOptions<FabricOptions>().Configure(configure).ValidateOnStart();
        return services.AddFabricLedgerClientCore(FabricOptions.SectionName);
    }

    private static IServiceCollection AddFabricLedgerClientCore(this IServiceCollection services, string sectionPath)
    {
        services.AddSingleton<IValidateOptions<FabricOptions>>(new FabricOptionsValidator(sectionPath));
        services.AddSingleton<FabricLedgerClient>(provider => FabricLedgerClient.Connect(provider.GetRequiredService<IOptions<FabricOptions>>().Value));
        services.AddSingleton<ILedgerClient>(provider => provider.GetRequiredService<FabricLedgerClient>());
        return services;
    }
}
