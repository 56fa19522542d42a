using GxProtocol.Silo.Postgres;
using Microsoft.Extensions.Options;

namespace GxProtocol.Silo.Hosting;

/// <summary>
/// Reads an options section the host needs before it is built (ports, the embedded ledger) and runs the section's
/// validator, as <c>ValidateOnStart</c> does for the rest: a bad value stops start-up naming its key.
/// </summary>
public static class HostOptionsReader
{
    public static T Read<T>(IConfiguration configuration, string section, IValidateOptions<T> validator) where T : class, new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException bindFailure)
        {
            throw new GxConfigurationException(section, $"{section} is malformed: {bindFailure.InnerException?.Message ?? bindFailure.Message}", bindFailure);
        }
        var result = validator.Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(section, typeof(T), result.Failures);
        }
        return options;
    }
}
