using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.Grains.Interfaces.Audit;

/// <summary>The append-only audit log of administrative requests, stored as rows. Stateless: any silo writes and reads.</summary>
[Alias("gx.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    [Alias("Append")] Task AppendAsync(AuditEntry entry);

    [Alias("List")] Task<Page<AuditEntry>> ListAsync(AuditQuery query);
}
