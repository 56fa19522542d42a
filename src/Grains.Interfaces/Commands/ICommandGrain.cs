using Orleans.Concurrency;

namespace GxProtocol.Grains.Interfaces.Commands;

/// <summary>The status of one ledger command, keyed by command id, read from the outbox row that records it.</summary>
[Alias("gx.ICommandGrain")]
public interface ICommandGrain : IGrainWithGuidKey
{
    [Alias("Get")] Task<CommandStatus?> GetAsync();

    /// <summary>The longest one wait call blocks; callers that wait longer call again.</summary>
    static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    /// <summary>Waits until the command is finished or <paramref name="timeout"/> (at most <see cref="MaxWait"/>) passes; returns the status either way.</summary>
    [Alias("WaitForCompletion"), AlwaysInterleave]
    Task<CommandStatus?> WaitForCompletionAsync(TimeSpan timeout);
}
