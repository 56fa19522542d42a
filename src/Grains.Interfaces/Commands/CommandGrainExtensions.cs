namespace GxProtocol.Grains.Interfaces.Commands;

public static class CommandGrainExtensions
{
    /// <summary>Waits up to <paramref name="timeout"/> for the command to finish, in calls no longer than <see cref="ICommandGrain.MaxWait"/>.</summary>
    public static async Task<CommandStatus?> WaitUntilFinishedAsync(this ICommandGrain command, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            var status = await command.WaitForCompletionAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            if (status is null or { IsFinished: true } || remaining <= ICommandGrain.MaxWait)
            {
                return status;
            }
        }
    }
}
