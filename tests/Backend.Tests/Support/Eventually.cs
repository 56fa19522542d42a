namespace GxProtocol.Backend.Tests.Support;

/// <summary>Awaits a condition with a deadline; on timeout the failure says what was awaited and what was last seen.</summary>
public static class Eventually
{
    public static async Task<T> MatchesAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string awaited, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T last;
        var pause = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            last = await probe();
            if (condition(last))
            {
                return last;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout ?? TimeSpan.FromSeconds(30)} waiting for {awaited}; last value: {last}");
            }
            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 250));
        }
    }

    public static Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string description) =>
        MatchesAsync(condition, met => met, description, timeout);
}
