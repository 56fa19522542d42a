namespace GxProtocol.Silo.Postgres;

/// <summary>A setting that prevents start-up; <see cref="Key"/> names it the way configuration does ("Section:Key").</summary>
public sealed class GxConfigurationException(string key, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string Key { get; } = key;
}
