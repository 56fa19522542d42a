using GxProtocol.Silo.Postgres;

namespace GxProtocol.Backend.Tests.Postgres;

public sealed class PostgresProbeGrain(
    [PersistentState("state", GxPostgresSiloBuilderExtensions.GrainStorageName)] IPersistentState<PostgresProbeState> state)
    : Grain, IPostgresProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    private readonly Guid _activationId = Guid.NewGuid();

    public async Task SaveAsync(string text, string attachmentLabel)
    {
        state.State.Text = text;
        state.State.Attachment = new PostgresProbeAttachment(attachmentLabel);
        await state.WriteStateAsync();
    }

    public Task<PostgresProbeSnapshot> ReadAsync() => Task.FromResult(new PostgresProbeSnapshot(
        state.State.Text,
        (state.State.Attachment as PostgresProbeAttachment)?.Label,
        state.State.ReminderTicks,
        _activationId));

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task StartReminderAsync(TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public async Task StopReminderAsync()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.ReminderTicks++;
        await state.WriteStateAsync();
    }
}
