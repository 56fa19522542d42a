using GxProtocol.Grains.Interfaces.Audit;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.ReadModels;
using Orleans.Concurrency;

namespace GxProtocol.Grains.Audit;

[StatelessWorker]
public sealed class AuditLogGrain(IAuditLogStore store) : Grain, IAuditLogGrain
{
    public Task AppendAsync(AuditEntry entry) => store.AppendAuditAsync(entry);

    public Task<Page<AuditEntry>> ListAsync(AuditQuery query) => store.ListAuditAsync(query);
}
