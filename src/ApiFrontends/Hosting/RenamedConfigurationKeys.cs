using Microsoft.Extensions.Configuration;

namespace GxProtocol.ApiFrontends.Hosting;

/// <summary>
/// Keys a standalone frontend once read under names of its own. It now reads the silo's <c>Gx:Host</c> names, so one
/// vocabulary configures both processes; the old names keep working, and <see cref="RenamedConfigurationKeysReport"/>
/// warns at start-up about each one still in use.
/// </summary>
public static class RenamedConfigurationKeys
{
    public const string BindAddress = "Gx:Host:BindAddress";
    public const string GatewayPort = "Gx:Host:GatewayPort";

    /// <summary>Old name to new name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Renamed = new Dictionary<string, string>
    {
        ["Gx:Http:BindAddress"] = BindAddress,
        ["Gx:Orleans:GatewayPort"] = GatewayPort,
    };

    /// <summary>The key to read <paramref name="key"/> from: itself when set or when no old name is, else its old name.</summary>
    public static string Resolve(IConfiguration configuration, string key)
    {
        if (configuration[key] is not null)
        {
            return key;
        }
        foreach (var (oldKey, newKey) in Renamed)
        {
            if (newKey == key && configuration[oldKey] is not null)
            {
                return oldKey;
            }
        }
        return key;
    }

    /// <summary>Every old name that is set, with its new name and whether the new one is set too (then the old one is ignored).</summary>
    public static IReadOnlyList<(string OldKey, string NewKey, bool Ignored)> InUse(IConfiguration configuration) =>
        Renamed.Where(pair => configuration[pair.Key] is not null)
            .Select(pair => (pair.Key, pair.Value, configuration[pair.Value] is not null))
            .ToList();
}
