namespace GxProtocol.Backend.Tests.Postgres;

/// <summary>Persisted state of <see cref="PostgresProbeGrain"/>.</summary>
[GenerateSerializer]
[Alias("gx.tests.postgres.probe-state")]
public sealed class PostgresProbeState
{
    [Id(0)] public string Text { get; set; } = "";

    [Id(1)] public int ReminderTicks { get; set; }

    /// <summary>Typed as object so the payload has to name the runtime type, which it does by alias.</summary>
    [Id(2)] public object? Attachment { get; set; }
}
