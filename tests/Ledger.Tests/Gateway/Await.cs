namespace GxProtocol.Ledger.Tests.Gateway;

/// <summary>Waits for a condition instead of sleeping; the failure says what was awaited.</summary>
public static class Await
{
    public static async Task<T> WithTimeout<T>(Task<T> task, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        try
        {
            return await task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {limit} waiting for {what}.");
        }
    }
}
