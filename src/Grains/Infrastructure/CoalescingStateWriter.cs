namespace GxProtocol.Grains.Infrastructure;

/// <summary>
/// Serialises the state writes of a grain whose turns interleave, and folds every change requested while a write
/// is in flight into the next single write. Must be used from the grain's own scheduler (no locks needed there).
/// </summary>
public sealed class CoalescingStateWriter(Func<Task> write)
{
    private TaskCompletionSource? _nextBatch;
    private Task? _drain;

    /// <summary>Completes once a write that started after this call has been stored.</summary>
    public Task WriteAsync()
    {
        var batch = _nextBatch ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_drain is null || _drain.IsCompleted)
        {
            _drain = DrainAsync();
        }
        return batch.Task;
    }

    private async Task DrainAsync()
    {
        while (_nextBatch is { } batch)
        {
            _nextBatch = null;
            try
            {
                await write();
                batch.SetResult();
            }
            catch (Exception failure)
            {
                batch.SetException(failure);
            }
        }
    }
}
