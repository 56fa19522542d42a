using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace GxProtocol.ApiFrontends.Infrastructure.Commands;

/// <summary>
/// The <c>wait</c> preference of RFC 7240 (<c>Prefer: wait=5</c>): how long a command request may block for the
/// ledger commit before answering 202. Preferences are hints, so anything malformed is ignored, not refused.
/// </summary>
public static class PreferWait
{
    public static readonly TimeSpan Maximum = TimeSpan.FromSeconds(30);

    public static TimeSpan? Parse(HttpRequest request)
    {
        foreach (var header in request.Headers["Prefer"])
        {
            if (header is null)
            {
                continue;
            }
            foreach (var preference in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // Parameters after ';' belong to the preference and do not change the wait value.
                var token = preference.Split(';', 2)[0];
                var parts = token.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || !parts[0].Equals("wait", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var value = parts[1].Trim('"');
                if (value.Length == 0 || !value.All(char.IsAsciiDigit))
                {
                    return null;
                }
                // Long digit strings overflow int; they are simply "more than the maximum".
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < Maximum.TotalSeconds
                    ? TimeSpan.FromSeconds(seconds)
                    : Maximum;
            }
        }
        return null;
    }
}
