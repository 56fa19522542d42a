using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace GxProtocol.EndToEndBench;

/// <summary>
/// The silos' development mailbox (Gx:Mail:PickupDirectory, one .eml file per message): the verification code a new
/// user confirms before KYC. Each file is read once; codes are kept by recipient.
/// </summary>
public sealed partial class BenchMailbox(string directory)
{
    private readonly ConcurrentDictionary<string, string> _codes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _read = [];
    private readonly SemaphoreSlim _scan = new(1, 1);

    public string Directory { get; } = Path.GetFullPath(directory);

    public async Task<string> CodeForAsync(string email, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_codes.TryGetValue(email, out var code))
            {
                return code;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No verification code for {email} in {Directory} within 60 s");
            }
            await ScanAsync(cancellationToken);
            if (!_codes.ContainsKey(email))
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private async Task ScanAsync(CancellationToken cancellationToken)
    {
        await _scan.WaitAsync(cancellationToken);
        try
        {
            if (!System.IO.Directory.Exists(Directory))
            {
                return;
            }
            foreach (var file in System.IO.Directory.GetFiles(Directory, "*.eml").Where(f => !_read.Contains(f)).Order(StringComparer.Ordinal))
            {
                var text = await File.ReadAllTextAsync(file, cancellationToken);
                _read.Add(file);
                if (Recipient().Match(text) is { Success: true } to && Code().Match(text) is { Success: true } code)
                {
                    _codes[to.Groups[1].Value.Trim()] = code.Groups[1].Value;
                }
            }
        }
        finally
        {
            _scan.Release();
        }
    }

    [GeneratedRegex(@"^To: (.+)$", RegexOptions.Multiline)]
    private static partial Regex Recipient();

    [GeneratedRegex(@"\bis (\d{6})\.")]
    private static partial Regex Code();
}
