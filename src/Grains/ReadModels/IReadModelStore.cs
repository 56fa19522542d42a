using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.Grains.ReadModels;

/// <summary>
/// Where lists and history live: in memory in the embedded default, PostgreSQL tables otherwise. Every
/// implementation passes the same contract tests.
/// </summary>
public interface IReadModelStore
{
    /// <summary>The position of the last event applied.</summary>
    Task<LedgerPosition> GetCheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the changes and advances the checkpoint atomically; an event at or below the checkpoint changes nothing.</summary>
    Task<bool> ApplyAsync(LedgerPosition position, ReadModelChanges changes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies consecutive events in ledger order in one step (one transaction in PostgreSQL): those at or below the
    /// checkpoint change nothing, and the checkpoint ends at the last one. Returns how many were applied.
    /// </summary>
    Task<int> ApplyAllAsync(IReadOnlyList<ProjectedEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Keeps an event the projector could not read, with the reason, and advances the checkpoint past it.</summary>
    Task RecordDeadLetterAsync(LedgerEventEnvelope ledgerEvent, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces every row with <paramref name="history"/> (a replay of the ledger up to <paramref name="expectedCheckpoint"/>)
    /// in one step, unless the projector moved the checkpoint meanwhile: then nothing changes and the answer is false.
    /// </summary>
    Task<bool> ReplaceAsync(LedgerPosition expectedCheckpoint, IReadOnlyList<ReadModelChanges> history, CancellationToken cancellationToken = default);

    /// <summary>Newest first; the cursor is the sequence of the last line of the previous page.</summary>
    Task<Page<WalletTransactionView>> GetWalletTransactionsAsync(Guid userId, string? cursor, int limit, CancellationToken cancellationToken = default);

    /// <summary>The document's JSON, or null.</summary>
    Task<string?> GetDocumentAsync(string collection, string id, CancellationToken cancellationToken = default);

    /// <summary>Documents of one partition (and status, when given), newest first; the cursor is the one the previous page returned.</summary>
    Task<Page<string>> ListDocumentsAsync(string collection, string partition, string? status, string? cursor, int limit, CancellationToken cancellationToken = default);

    /// <summary>The values of the named counters; a counter never moved is zero.</summary>
    Task<IReadOnlyDictionary<string, long>> GetCountersAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default);
}
