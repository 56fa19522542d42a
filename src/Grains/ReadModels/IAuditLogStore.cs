using GxProtocol.Grains.Interfaces.Audit;
using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.Grains.ReadModels;

/// <summary>The audit log: rows are appended, never changed or removed (PostgreSQL refuses it with a trigger).</summary>
public interface IAuditLogStore
{
    Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Newest first; the cursor is the one the previous page returned.</summary>
    Task<Page<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
