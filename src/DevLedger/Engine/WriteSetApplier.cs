using GxProtocol.DevLedger.State;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// Applies a VALID transaction's writes to the world state, versioned by (block, transaction). Shared by the committer
/// and the replay so that state rebuilt from the block file carries exactly the versions the live commit gave it.
/// </summary>
internal sealed class WriteSetApplier(WorldState state)
{
    private readonly WorldState _state = state;

    public void Apply(ParsedEnvelope envelope, ulong blockNumber, ulong transactionNumber)
    {
        foreach (var write in envelope.ReadWriteSet.Writes)
        {
            if (write.IsDelete)
            {
                _state.Delete(write.Key);
            }
            else
            {
                _state.Put(write.Key, write.Value.ToByteArray(), blockNumber, transactionNumber);
            }
        }
    }
}
