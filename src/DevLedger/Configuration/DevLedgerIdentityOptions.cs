namespace GxProtocol.DevLedger.Configuration;

/// <summary>
/// One role assignment. An identity matches by certificate (PEM or SHA-256 thumbprint), or by MSP id and/or
/// subject common name when no certificate is given.
/// </summary>
public sealed class DevLedgerIdentityOptions
{
    public string Role { get; set; } = "";
    public string? CertificatePem { get; set; }

    /// <summary>Lower- or upper-case hex SHA-256 of the DER certificate.</summary>
    public string? CertificateThumbprint { get; set; }

    public string? MspId { get; set; }
    public string? CommonName { get; set; }
}
