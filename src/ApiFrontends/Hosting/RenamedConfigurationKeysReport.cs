using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GxProtocol.ApiFrontends.Hosting;

/// <summary>Warns at start-up about each old configuration name still set, naming the key to use instead.</summary>
public sealed class RenamedConfigurationKeysReport(IConfiguration configuration, ILogger<RenamedConfigurationKeysReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (oldKey, newKey, ignored) in RenamedConfigurationKeys.InUse(configuration))
        {
            if (ignored)
            {
                logger.LogWarning("Configuration key {OldKey} is deprecated and ignored because {NewKey} is set; remove it.", oldKey, newKey);
            }
            else
            {
                logger.LogWarning("Configuration key {OldKey} is deprecated; its value is used for now, rename it to {NewKey}.", oldKey, newKey);
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
