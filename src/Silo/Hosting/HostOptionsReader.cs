using System.ComponentModel.DataAnnotations;
using GxProtocol.Silo.Postgres;

namespace GxProtocol.Silo.Hosting;

/// <summary>Reads an options section before the host is built and stops start-up naming the first bad key.</summary>
public static class HostOptionsReader
{
    public static T Read<T>(IConfiguration configuration, string section) where T : new()
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
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            var first = results[0];
            var key = $"{section}:{first.MemberNames.FirstOrDefault()}";
            throw new GxConfigurationException(key, $"{key}: {first.ErrorMessage}");
        }
        return options;
    }
}
