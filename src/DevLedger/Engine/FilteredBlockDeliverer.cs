using System.Runtime.CompilerServices;
using Google.Protobuf;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.Fabric.Protos.Common;
using GxProtocol.Fabric.Protos.Orderer;
using GxProtocol.Fabric.Protos.Peer;
using FabricStatus = GxProtocol.Fabric.Protos.Common.Status;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// The peer's protos.Deliver service for filtered blocks, which the official Fabric Gateway clients use for block
/// events. Built from what the chain keeps of each block in memory (transaction ids, validation codes, chaincode
/// events), so full blocks are not served. Apart from the gateway's operations because it answers with Fabric
/// statuses inside the stream rather than with gRPC errors, and reads the chain only.
/// </summary>
internal sealed class FilteredBlockDeliverer(DevLedgerOptions options, IdentityRegistry identities, Chain chain, FaultInjector faults)
{
    private readonly DevLedgerOptions _options = options;
    private readonly FaultInjector _faults = faults;
    private readonly IdentityRegistry _identities = identities;
    private readonly Chain _chain = chain;

    /// <summary>
    /// Answers one signed DELIVER_SEEK_INFO envelope as a Fabric peer's DeliverFiltered does: a filtered block per block
    /// from start through stop (waiting for blocks not yet cut unless FAIL_IF_NOT_READY), then a SUCCESS status; a bad
    /// request ends with a status instead (BAD_REQUEST, FORBIDDEN, NOT_FOUND) and no blocks.
    /// </summary>
    public async IAsyncEnumerable<DeliverResponse> DeliverAsync(Envelope envelope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Inside the iterator, as before the split: a simulated outage surfaces on the first read of the stream.
        _faults.ThrowIfRefusingCalls();
        var (seek, refusal) = ReadSeekRequest(envelope);
        if (seek is null)
        {
            yield return new DeliverResponse { Status = refusal };
            yield break;
        }

        ulong height = _chain.Height;
        ulong? start = seek.Start?.TypeCase switch
        {
            SeekPosition.TypeOneofCase.Oldest => 0,
            SeekPosition.TypeOneofCase.Newest => height - 1,
            SeekPosition.TypeOneofCase.Specified => seek.Start.Specified.Number,
            SeekPosition.TypeOneofCase.NextCommit => height,
            _ => null,
        };
        ulong? stop = seek.Stop?.TypeCase switch
        {
            SeekPosition.TypeOneofCase.Oldest => 0,
            // Newest means the newest block when the request arrived; a start of Newest makes it exactly that block.
            SeekPosition.TypeOneofCase.Newest => seek.Start?.TypeCase == SeekPosition.TypeOneofCase.Newest ? start : height - 1,
            SeekPosition.TypeOneofCase.Specified => seek.Stop.Specified.Number,
            SeekPosition.TypeOneofCase.NextCommit => height,
            _ => null,
        };
        if (start is null || stop is null || stop < start)
        {
            yield return new DeliverResponse { Status = FabricStatus.BadRequest };
            yield break;
        }

        bool failIfNotReady = seek.Behavior == SeekInfo.Types.SeekBehavior.FailIfNotReady;
        for (ulong number = start.Value; ; number++)
        {
            if (number >= _chain.Height)
            {
                if (failIfNotReady)
                {
                    yield return new DeliverResponse { Status = FabricStatus.NotFound };
                    yield break;
                }
                await _chain.WaitForBlockAsync(number, cancellationToken).ConfigureAwait(false);
            }
            yield return new DeliverResponse { FilteredBlock = Filter(_chain.GetBlock(number)) };
            if (number == stop.Value)
            {
                break;
            }
        }
        yield return new DeliverResponse { Status = FabricStatus.Success };
    }

    /// <summary>The seek request, or null and the status a peer would answer with.</summary>
    private (SeekInfo? Seek, FabricStatus Refusal) ReadSeekRequest(Envelope envelope)
    {
        Payload payload;
        ChannelHeader channelHeader;
        SignatureHeader signatureHeader;
        SeekInfo seek;
        try
        {
            payload = Payload.Parser.ParseFrom(envelope.Payload);
            if (payload.Header is null)
            {
                return (null, FabricStatus.BadRequest);
            }
            channelHeader = ChannelHeader.Parser.ParseFrom(payload.Header.ChannelHeader);
            signatureHeader = SignatureHeader.Parser.ParseFrom(payload.Header.SignatureHeader);
            seek = SeekInfo.Parser.ParseFrom(payload.Data);
        }
        catch (InvalidProtocolBufferException)
        {
            return (null, FabricStatus.BadRequest);
        }
        if (channelHeader.ChannelId != _options.ChannelName)
        {
            return (null, FabricStatus.NotFound);
        }
        // The channel's Readers policy: a registered identity that signed this very envelope.
        KnownCreator creator;
        try
        {
            creator = _identities.Resolve(signatureHeader.Creator);
        }
        catch (FormatException)
        {
            return (null, FabricStatus.Forbidden);
        }
        if (creator.Role is null || !creator.Identity.Verify(envelope.Payload.Span, envelope.Signature.Span))
        {
            return (null, FabricStatus.Forbidden);
        }
        return (seek, FabricStatus.Unknown);
    }

    /// <summary>
    /// A peer's filtered block: every transaction with its id, type and validation code, and its chaincode event
    /// without the payload (filtered events carry names only). Invalid transactions keep no event here.
    /// </summary>
    private FilteredBlock Filter(CommittedBlock block)
    {
        var filtered = new FilteredBlock { ChannelId = _options.ChannelName, Number = block.Number };
        foreach (var transaction in block.Transactions)
        {
            var actions = new FilteredTransactionActions();
            if (transaction.Event is { } chaincodeEvent)
            {
                actions.ChaincodeActions.Add(new FilteredChaincodeAction
                {
                    ChaincodeEvent = new ChaincodeEvent { ChaincodeId = chaincodeEvent.ChaincodeId, TxId = chaincodeEvent.TxId, EventName = chaincodeEvent.EventName },
                });
            }
            filtered.FilteredTransactions.Add(new FilteredTransaction
            {
                Txid = transaction.TransactionId,
                Type = HeaderType.EndorserTransaction,
                TxValidationCode = (TxValidationCode)transaction.ValidationCode,
                TransactionActions = actions,
            });
        }
        return filtered;
    }
}
