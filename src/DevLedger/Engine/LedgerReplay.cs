using GxProtocol.DevLedger.Configuration;
using GxProtocol.Fabric.Protos.Common;
using GxProtocol.Fabric.Protos.Peer;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// Brings a ledger that is opening up to date: replays the blocks read back from the block file (state, transaction
/// index, events), or cuts the genesis block when there are none. Its own class because it runs once, before the
/// orderer thread starts, and trusts the stored validation codes instead of validating again.
/// </summary>
internal sealed class LedgerReplay(DevLedgerOptions options, Chain chain, WriteSetApplier writes, BlockAppender appender)
{
    private readonly DevLedgerOptions _options = options;
    private readonly Chain _chain = chain;
    private readonly WriteSetApplier _writes = writes;
    private readonly BlockAppender _appender = appender;

    public void Restore(IReadOnlyList<Block> persisted)
    {
        foreach (var block in persisted)
        {
            Replay(block);
        }
        if (_chain.Height == 0)
        {
            _appender.Append(0, [], [], persist: true);
        }
    }

    /// <summary>Rebuilds state, transaction index and events from a block read back from the block file.</summary>
    private void Replay(Block block)
    {
        var codes = block.Metadata.Metadata.Count > (int)BlockMetadataIndex.TransactionsFilter
            ? block.Metadata.Metadata[(int)BlockMetadataIndex.TransactionsFilter].ToByteArray()
            : [];
        var records = new List<CommittedTransactionRecord>(block.Data.Data.Count);
        for (int index = 0; index < block.Data.Data.Count; index++)
        {
            var parsed = ParsedEnvelope.Parse(Envelope.Parser.ParseFrom(block.Data.Data[index]), _options.ChaincodeName);
            int code = index < codes.Length ? codes[index] : (int)TxValidationCode.InvalidOtherReason;
            if (code == (int)TxValidationCode.Valid)
            {
                _writes.Apply(parsed, block.Header.Number, (ulong)index);
            }
            records.Add(new CommittedTransactionRecord(parsed.TransactionId, code, code == (int)TxValidationCode.Valid ? parsed.Event : null));
        }
        _appender.Append(block.Header.Number, block.Data.Data, records, persist: false);
    }
}
