namespace GxProtocol.Silo.Hosting;

/// <summary>Endpoint metadata: serve this endpoint only on connections accepted on <see cref="Port"/>.</summary>
public sealed record LocalPortMetadata(int Port);
