namespace GxProtocol.ApiFrontends.Documents;

/// <summary>Decides whether an upload may be stored. Throws <see cref="VirusScannerUnavailableException"/> when it cannot tell.</summary>
public interface IVirusScanner
{
    Task<ScanVerdict> ScanAsync(Stream content, CancellationToken cancellationToken);
}

/// <summary>A scanner's answer: clean, or infected with the named signature.</summary>
public sealed record ScanVerdict(bool Infected, string? Signature)
{
    public static readonly ScanVerdict Clean = new(false, null);

    public static ScanVerdict Found(string signature) => new(true, signature);
}

/// <summary>The scanner could not be reached or gave no verdict: nothing is stored, the client retries later.</summary>
public sealed class VirusScannerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
