namespace GxProtocol.Grains.Outbox;

/// <summary>
/// The outbox's rows, keyed by command id: a PostgreSQL table in PostgreSQL mode, memory in the embedded default.
/// Each call writes or reads one small row; implementations may send concurrent calls to the database together.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Stores a new command's row; returns the stored row instead when the command id is already known.</summary>
    Task<OutboxRow?> AddAsync(OutboxRow row);

    /// <summary>Replaces the row of <paramref name="row"/>'s command (retry bookkeeping, dead letter, final status).</summary>
    Task UpdateAsync(OutboxRow row);

    Task<OutboxRow?> GetAsync(Guid commandId);

    /// <summary>The shard's commands that have not finished, dead letters included, in the order they were accepted.</summary>
    Task<IReadOnlyList<OutboxRow>> LoadUnfinishedAsync(long shard);

    /// <summary>The unfinished commands of one originating aggregate, in the order they were accepted.</summary>
    Task<IReadOnlyList<OutboxRow>> LoadUnfinishedAsync(GrainId origin);

    /// <summary>Removes finished rows older than <paramref name="finishedBefore"/>; returns how many.</summary>
    Task<int> PurgeFinishedAsync(DateTimeOffset finishedBefore);
}
