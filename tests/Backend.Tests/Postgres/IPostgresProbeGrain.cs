namespace GxProtocol.Backend.Tests.Postgres;

/// <summary>A grain that exercises PostgreSQL grain storage and reminders in tests.</summary>
[Alias("gx.tests.postgres.IPostgresProbeGrain")]
public interface IPostgresProbeGrain : IGrainWithGuidKey
{
    [Alias("Save")]
    Task SaveAsync(string text, string attachmentLabel);

    [Alias("Read")]
    Task<PostgresProbeSnapshot> ReadAsync();

    [Alias("Deactivate")]
    Task DeactivateAsync();

    [Alias("StartReminder")]
    Task StartReminderAsync(TimeSpan dueTime, TimeSpan period);

    [Alias("StopReminder")]
    Task StopReminderAsync();
}
