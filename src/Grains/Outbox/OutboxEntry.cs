using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Outbox;

/// <summary>A queued command as earlier versions stored it inside <see cref="OutboxState"/>; read only to move it into a row.</summary>
[GenerateSerializer, Alias("gx.OutboxEntry")]
public sealed class OutboxEntry
{
    [Id(0)] public required LedgerCommand Command { get; init; }
    [Id(1)] public int Attempts { get; set; }
    [Id(2)] public string? LastError { get; set; }
    [Id(3)] public DateTimeOffset? NextAttemptAt { get; set; }
    [Id(4)] public bool DeadLettered { get; set; }

    /// <summary>
    /// How many of this command's transactions the ledger committed invalid for a read conflict. A Fabric transaction id
    /// is spent even when invalid, so each retry after a conflict needs the next id; at most one of them can be VALID.
    /// </summary>
    [Id(5)] public int ConflictRetries { get; set; }
}
