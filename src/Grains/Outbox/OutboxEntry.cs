using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Outbox;

[GenerateSerializer, Alias("gx.OutboxEntry")]
public sealed class OutboxEntry
{
    [Id(0)] public required LedgerCommand Command { get; init; }
    [Id(1)] public int Attempts { get; set; }
    [Id(2)] public string? LastError { get; set; }
    [Id(3)] public DateTimeOffset? NextAttemptAt { get; set; }
    [Id(4)] public bool DeadLettered { get; set; }
}
