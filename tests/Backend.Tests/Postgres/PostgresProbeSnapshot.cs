namespace GxProtocol.Backend.Tests.Postgres;

/// <summary>What a probe grain holds, plus which activation answered (to tell a reactivation apart).</summary>
[GenerateSerializer]
[Alias("gx.tests.postgres.probe-snapshot")]
public sealed record PostgresProbeSnapshot(
    [property: Id(0)] string Text,
    [property: Id(1)] string? AttachmentLabel,
    [property: Id(2)] int ReminderTicks,
    [property: Id(3)] Guid ActivationId);
