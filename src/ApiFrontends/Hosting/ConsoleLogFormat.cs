using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Hosting;

/// <summary>
/// <c>Gx:Logging:Format</c>: <c>text</c> (the default, readable in a terminal) or <c>json</c> (one JSON object per
/// line for a log collector). In JSON each line written inside a request carries its trace and span id (from the
/// caller's W3C <c>traceparent</c>, or the ones ASP.NET starts), so the logs of one request can be found together.
/// </summary>
public static class ConsoleLogFormat
{
    public const string Key = "Gx:Logging:Format";

    public static WebApplicationBuilder AddGxConsoleLogging(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration[Key] ?? "text";
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        switch (format.ToLowerInvariant())
        {
            case "text":
                break;
            case "json":
                builder.Logging.ClearProviders();
                builder.Logging.AddJsonConsole(console =>
                {
                    console.IncludeScopes = true;
                    console.UseUtcTimestamp = true;
                    console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                });
                break;
            default:
                throw new OptionsValidationException(Key, typeof(string), [$"{Key} must be text or json (was '{format}')."]);
        }
        return builder;
    }
}
