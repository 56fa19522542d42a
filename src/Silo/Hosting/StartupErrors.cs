using GxProtocol.Silo.Postgres;
using Microsoft.Extensions.Options;

namespace GxProtocol.Silo.Hosting;

/// <summary>
/// Turns a configuration error into one line on standard error and exit code 2: an operator reads the key to fix,
/// not a stack trace.
/// </summary>
public static class StartupErrors
{
    public const int ConfigurationErrorExitCode = 2;

    public static async Task<int> ReportAsync(Func<Task> run)
    {
        try
        {
            await run();
            return 0;
        }
        catch (GxConfigurationException bad)
        {
            return Report(bad.Message);
        }
        catch (OptionsValidationException invalid)
        {
            return Report(string.Join(" ", invalid.Failures));
        }
        catch (AggregateException several) when (several.InnerExceptions.All(e => e is OptionsValidationException or GxConfigurationException))
        {
            // ValidateOnStart reports every invalid options class at once: name every key, not only the first.
            return Report(string.Join(" ", several.InnerExceptions.SelectMany(e => e is OptionsValidationException invalid ? invalid.Failures : [e.Message])));
        }
    }

    private static int Report(string message)
    {
        Console.Error.WriteLine($"Configuration error: {message}");
        return ConfigurationErrorExitCode;
    }
}
