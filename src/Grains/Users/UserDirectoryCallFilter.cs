using GxProtocol.Grains.ReadModels;
using Microsoft.Extensions.Logging;

namespace GxProtocol.Grains.Users;

/// <summary>
/// After every call a user grain handles, brings its directory row up to date (a write only when the row changed).
/// A failed write is logged, not thrown: the grain's own change is already stored, and the next call to the grain
/// writes the row again because the grain remembers only rows that were written.
/// </summary>
internal sealed class UserDirectoryCallFilter(IUserDirectoryStore store, ILogger<UserDirectoryCallFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        finally
        {
            if (context.TargetContext.GrainInstance is UserGrain user)
            {
                try
                {
                    await user.SyncDirectoryAsync(store);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    logger.LogWarning(failure, "Could not update the directory row of {GrainId}; the next call retries", context.TargetContext.GrainId);
                }
            }
        }
    }
}
