namespace GxProtocol.Backend.Tests.Postgres;

/// <summary>Waits for an observable condition instead of sleeping for a guessed time.</summary>
public static class Eventually
{
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string description)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {description}, which did not happen.");
            }

            // A short pause between checks of the condition keeps polling cheap; it is not the synchronisation itself.
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
