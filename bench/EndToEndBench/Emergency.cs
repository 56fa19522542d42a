using System.Collections.Concurrent;

namespace GxProtocol.EndToEndBench;

/// <summary>
/// Last-resort stops for everything the bench started, for a second Ctrl-C or a crash that skips the orderly
/// disposal: each resource registers its stop and removes it once disposed.
/// </summary>
public static class Emergency
{
    private static readonly ConcurrentDictionary<object, Action> Stops = new();

    public static void Register(object owner, Action stop) => Stops[owner] = stop;

    public static void Unregister(object owner) => Stops.TryRemove(owner, out _);

    public static void StopAll()
    {
        foreach (var (owner, stop) in Stops.ToArray())
        {
            try
            {
                stop();
            }
            catch (Exception error)
            {
                Console.Error.WriteLine($"stopping {owner}: {error.Message}");
            }
            Stops.TryRemove(owner, out _);
        }
    }
}
