using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GxProtocol.Grains.Tax;

public static class FeeCreditFoldingSiloBuilderExtensions
{
    /// <summary>The periodic fold of the pools' blind credit keys, with its interval validated at start-up.</summary>
    public static ISiloBuilder AddGxFeeCreditFolding(this ISiloBuilder silo, IConfiguration? configuration = null)
    {
        var options = silo.Services.AddOptions<FeeCreditFoldOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(FeeCreditFoldOptions.Section));
        }
        options.Validate(o => o.FoldInterval >= TimeSpan.FromSeconds(1) && o.FoldInterval <= TimeSpan.FromDays(1),
                $"{FeeCreditFoldOptions.Section}:FoldInterval must be between 00:00:01 and 1.00:00:00.")
            .ValidateOnStart();
        silo.Services.AddHostedService<FeeCreditFolder>();
        return silo;
    }
}
