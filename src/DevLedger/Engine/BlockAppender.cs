using System.Security.Cryptography;
using Google.Protobuf;
using GxProtocol.Fabric.Protos.Common;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// Turns a block's envelopes and validation records into a Fabric block (data hash, previous header hash, the
/// transactions filter in the metadata) and appends it to the chain, writing it to the block file unless it was read
/// from there. One place builds blocks so live commits and replay link the hash chain the same way.
/// </summary>
internal sealed class BlockAppender(Chain chain)
{
    private readonly Chain _chain = chain;

    /// <summary>Appends block <paramref name="number"/>; <paramref name="persist"/> is false while replaying the block file.</summary>
    public void Append(ulong number, IReadOnlyList<ByteString> envelopes, IReadOnlyList<CommittedTransactionRecord> records, bool persist)
    {
        var data = new BlockData();
        data.Data.AddRange(envelopes);
        using var dataHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var envelope in envelopes)
        {
            dataHash.AppendData(envelope.Span);
        }
        var header = new BlockHeader
        {
            Number = number,
            PreviousHash = ByteString.CopyFrom(_chain.LastHeaderHash),
            DataHash = ByteString.CopyFrom(dataHash.GetHashAndReset()),
        };
        var metadata = new BlockMetadata();
        for (int index = 0; index <= (int)BlockMetadataIndex.CommitHash; index++)
        {
            metadata.Metadata.Add(index == (int)BlockMetadataIndex.TransactionsFilter
                ? ByteString.CopyFrom(records.Select(record => (byte)record.ValidationCode).ToArray())
                : ByteString.Empty);
        }
        var block = new Block { Header = header, Data = data, Metadata = metadata };
        _chain.Append(block, new CommittedBlock(number, records), SHA256.HashData(header.ToByteArray()), persist);
    }
}
