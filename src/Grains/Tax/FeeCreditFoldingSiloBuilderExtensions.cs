using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Tax;

public static class FeeCreditFoldingSiloBuilderExtensions
{
    /// <summary>The periodic fold of the pools' blind credit keys, with its interval validated at start-up.</summary>
    public static ISiloBuilder AddGxFeeCreditFolding(this ISiloBuilder silo, IConfiguration? configuration = null)
    {
        var options = silo.Services.AddOptions<FeeCreditFoldOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(FeeCreditFoldOptions.SectionName));
        }
        options.ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FeeCreditFoldOptions>, FeeCreditFoldOptionsValidator>());
        silo.Services.AddHostedService<FeeCreditFolder>();
        return silo;
    }
}
