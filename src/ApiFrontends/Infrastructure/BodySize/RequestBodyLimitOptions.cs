namespace GxProtocol.ApiFrontends.Infrastructure.BodySize;

/// <summary>Bound from <c>Gx:Http</c>; checked by <see cref="RequestBodyLimitOptionsValidator"/>.</summary>
public sealed class RequestBodyLimitOptions
{
    public const string SectionName = "Gx:Http";

    public const long DefaultMaxRequestBodyBytes = 64 * 1024;

    /// <summary>Largest accepted request body; every GX request is a small JSON document.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;
}
