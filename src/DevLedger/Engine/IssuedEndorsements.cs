using System.Collections.Concurrent;
using Google.Protobuf;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// A bounded memo of the endorsement signatures this peer issued. Finding one here spares the orderer's check an
/// ECDSA verification per transaction; signatures it does not hold (after a restart, or once the memo was cleared)
/// are verified cryptographically, so forgetting costs time, never correctness.
/// </summary>
internal sealed class IssuedEndorsements
{
    private const long Capacity = 100_000;

    private readonly ConcurrentDictionary<ByteString, bool> _signatures = new();
    private long _count;

    // ConcurrentDictionary.Count takes every bucket lock, and every endorsement asked for it: the endorsers contended
    // on those locks. A counter bounds the memo just as well (approximately, which is all the bound needs).
    public void Remember(ByteString signature)
    {
        if (_signatures.TryAdd(signature, true) && Interlocked.Increment(ref _count) > Capacity)
        {
            _signatures.Clear();
            Interlocked.Exchange(ref _count, 0);
        }
    }

    public bool Contains(ByteString signature) => _signatures.ContainsKey(signature);
}
