namespace GxProtocol.ApiFrontends.Infrastructure.BodySize;

/// <summary>Bound from <c>Gx:Http</c>.</summary>
public sealed class RequestBodyLimitOptions
{
    public const string SectionName = "Gx:Http";

    /// <summary>Largest accepted request body; every GX request is a small JSON document.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
