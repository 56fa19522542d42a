namespace GxProtocol.ApiFrontends.Documents;

/// <summary>
/// Bound from <c>Gx:Documents:ClamAv</c>. With an <see cref="Endpoint"/> every upload is scanned by clamd before it is
/// stored. <see cref="Enabled"/> <c>false</c> stores documents unscanned (the embedded default, with a start-up
/// warning); left unset without an endpoint, uploads answer 503 rather than store anything unscanned.
/// </summary>
public sealed class ClamAvOptions
{
    public const string SectionName = DocumentOptions.SectionName + ":ClamAv";

    public const int DefaultTimeoutSeconds = 30;

    public const int DefaultChunkBytes = 64 * 1024;

    public bool? Enabled { get; set; }

    /// <summary>clamd's TCP socket as <c>host:port</c> (clamd.conf <c>TCPSocket</c>/<c>TCPAddr</c>).</summary>
    public string? Endpoint { get; set; }

    /// <summary>Bound on connecting, sending and waiting for the verdict; past it the upload answers 503.</summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>INSTREAM chunk size; clamd's StreamMaxLength bounds the total, not the chunk.</summary>
    public int ChunkBytes { get; set; } = DefaultChunkBytes;

    /// <summary>Uploads are scanned unless scanning was switched off explicitly.</summary>
    public bool ScanningRequired => Enabled != false;

    public bool TryParseEndpoint(out string host, out int port)
    {
        host = "";
        port = 0;
        if (string.IsNullOrWhiteSpace(Endpoint))
        {
            return false;
        }
        var separator = Endpoint.LastIndexOf(':');
        if (separator <= 0 || !int.TryParse(Endpoint[(separator + 1)..], System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            return false;
        }
        host = Endpoint[..separator].Trim('[', ']');
        return host.Length > 0;
    }
}
