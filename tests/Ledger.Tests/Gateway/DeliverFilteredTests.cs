using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using GxProtocol.Fabric.Identity;
using GxProtocol.Fabric.Protos.Common;
using GxProtocol.Fabric.Protos.Orderer;
using GxProtocol.Fabric.Protos.Peer;
using FabricStatus = GxProtocol.Fabric.Protos.Common.Status;

namespace GxProtocol.Ledger.Tests.Gateway;

/// <summary>
/// protos.Deliver/DeliverFiltered, added when the official Node client's filtered block events met UNIMPLEMENTED: the
/// seek request handling of a Fabric peer, at the protocol level.
/// </summary>
public sealed class DeliverFilteredTests
{
    [Fact]
    public async Task Filtered_blocks_from_start_through_stop_then_success()
    {
        await using var ledger = await LedgerFixture.StartAsync();
        var first = await ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["a", "1"]);
        var second = await ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["b", "2"]);
        using var signer = RawGateway.SigningIdentityOf(ledger.Identity);

        var responses = await DeliverAsync(ledger, SeekRequest(signer, Specified(first.BlockNumber), Specified(second.BlockNumber)));

        Assert.Equal(FabricStatus.Success, responses[^1].Status);
        var blocks = responses.SkipLast(1).Select(r => r.FilteredBlock).ToList();
        Assert.Equal(Enumerable.Range((int)first.BlockNumber, (int)(second.BlockNumber - first.BlockNumber + 1)).Select(n => (ulong)n), blocks.Select(b => b.Number));
        var delivered = blocks.SelectMany(b => b.FilteredTransactions).ToList();
        Assert.Equal([first.TransactionId, second.TransactionId], delivered.Select(t => t.Txid));
        Assert.All(delivered, t => Assert.Equal(TxValidationCode.Valid, t.TxValidationCode));
        Assert.All(delivered, t => Assert.Equal(HeaderType.EndorserTransaction, t.Type));
        var chaincodeEvent = Assert.Single(delivered[0].TransactionActions.ChaincodeActions).ChaincodeEvent;
        Assert.Equal(("gxtv3", "Put", first.TransactionId), (chaincodeEvent.ChaincodeId, chaincodeEvent.EventName, chaincodeEvent.TxId));
        Assert.True(chaincodeEvent.Payload.IsEmpty, "filtered events carry no payload");
    }

    [Fact]
    public async Task A_block_not_yet_cut_is_delivered_when_it_commits()
    {
        await using var ledger = await LedgerFixture.StartAsync();
        using var signer = RawGateway.SigningIdentityOf(ledger.Identity);
        ulong next = ledger.Host.Ledger.Height;

        var delivery = DeliverAsync(ledger, SeekRequest(signer, Specified(next), Specified(next)));
        var committed = await ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["later", "1"]);
        var responses = await Await.WithTimeout(delivery, "the block committed after the request");

        Assert.Equal(next, committed.BlockNumber);
        Assert.Equal(committed.TransactionId, Assert.Single(responses[0].FilteredBlock.FilteredTransactions).Txid);
        Assert.Equal(FabricStatus.Success, responses[1].Status);
    }

    [Fact]
    public async Task Refusals_are_statuses_as_a_peer_answers_them()
    {
        await using var ledger = await LedgerFixture.StartAsync();
        using var signer = RawGateway.SigningIdentityOf(ledger.Identity);
        using var stranger = DevelopmentIdentity.CreateSigningIdentity(LedgerFixture.ClientMspId, "stranger");
        ulong height = ledger.Host.Ledger.Height;

        Assert.Equal(FabricStatus.Forbidden, await SingleStatusAsync(ledger, SeekRequest(stranger, Specified(0), Specified(0))));
        var tampered = SeekRequest(signer, Specified(0), Specified(0));
        tampered.Signature = stranger.SignToByteString(tampered.Payload);
        Assert.Equal(FabricStatus.Forbidden, await SingleStatusAsync(ledger, tampered));
        Assert.Equal(FabricStatus.NotFound, await SingleStatusAsync(ledger, SeekRequest(signer, Specified(0), Specified(0), channel: "otherchannel")));
        Assert.Equal(FabricStatus.BadRequest, await SingleStatusAsync(ledger, SeekRequest(signer, Specified(1), Specified(0))));
        Assert.Equal(FabricStatus.NotFound, await SingleStatusAsync(ledger,
            SeekRequest(signer, Specified(height + 5), Specified(height + 5), SeekInfo.Types.SeekBehavior.FailIfNotReady)));
    }

    [Fact]
    public async Task Full_blocks_are_refused_as_unimplemented()
    {
        await using var ledger = await LedgerFixture.StartAsync();
        using var signer = RawGateway.SigningIdentityOf(ledger.Identity);
        var client = new Deliver.DeliverClient(Grpc.Net.Client.GrpcChannel.ForAddress(ledger.Host.Endpoint));
        using var call = client.Deliver();

        // The refusal may come back while the request is still being written: either step may be the one that throws.
        var failure = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await call.RequestStream.WriteAsync(SeekRequest(signer, Specified(0), Specified(0)));
            await call.ResponseStream.MoveNext();
        });

        Assert.Equal(StatusCode.Unimplemented, failure.StatusCode);
    }

    private static SeekPosition Specified(ulong number) => new() { Specified = new SeekSpecified { Number = number } };

    private static Envelope SeekRequest(SigningIdentity signer, SeekPosition start, SeekPosition stop,
        SeekInfo.Types.SeekBehavior behavior = SeekInfo.Types.SeekBehavior.BlockUntilReady, string channel = "gxchannel")
    {
        var header = new Header
        {
            ChannelHeader = new ChannelHeader
            {
                Type = (int)HeaderType.DeliverSeekInfo,
                ChannelId = channel,
                Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            }.ToByteString(),
            SignatureHeader = new SignatureHeader { Creator = signer.Creator, Nonce = ByteString.CopyFrom(new byte[24]) }.ToByteString(),
        };
        var payload = new Payload { Header = header, Data = new SeekInfo { Start = start, Stop = stop, Behavior = behavior }.ToByteString() }.ToByteString();
        return new Envelope { Payload = payload, Signature = signer.SignToByteString(payload) };
    }

    /// <summary>Sends one seek request and reads the responses through its final status.</summary>
    private static async Task<List<DeliverResponse>> DeliverAsync(LedgerFixture ledger, Envelope request)
    {
        var client = new Deliver.DeliverClient(Grpc.Net.Client.GrpcChannel.ForAddress(ledger.Host.Endpoint));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = client.DeliverFiltered(cancellationToken: timeout.Token);
        await call.RequestStream.WriteAsync(request);
        var responses = new List<DeliverResponse>();
        while (await call.ResponseStream.MoveNext(timeout.Token))
        {
            responses.Add(call.ResponseStream.Current);
            if (call.ResponseStream.Current.TypeCase == DeliverResponse.TypeOneofCase.Status)
            {
                break;
            }
        }
        await call.RequestStream.CompleteAsync();
        return responses;
    }

    private static async Task<FabricStatus> SingleStatusAsync(LedgerFixture ledger, Envelope request)
    {
        var response = Assert.Single(await DeliverAsync(ledger, request));
        Assert.Equal(DeliverResponse.TypeOneofCase.Status, response.TypeCase);
        return response.Status;
    }
}
