using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using GxProtocol.DevLedger.Chaincode;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.State;
using GxProtocol.Fabric.Identity;
using GxProtocol.Fabric.Protos.Common;
using GxProtocol.Fabric.Protos.Gateway;
using GxProtocol.Fabric.Protos.Peer;
using GxProtocol.Fabric.Transactions;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// The endorsing peer: checks a signed proposal as a Fabric endorser does (creator, signature, tx id, duplicates),
/// simulates the chaincode against committed state recording the read/write set, and for Endorse assembles the
/// prepared transaction envelope the client signs and submits.
/// </summary>
internal sealed class ProposalProcessor(
    DevLedgerOptions options,
    IChaincode chaincode,
    WorldState state,
    Chain chain,
    IdentityRegistry identities,
    FaultInjector faults,
    SigningIdentity peer,
    Func<string> peerAddress)
{
    private sealed record UnpackedProposal(
        Proposal Proposal,
        Header Header,
        ChannelHeader ChannelHeader,
        SignatureHeader SignatureHeader,
        string ChaincodeName,
        IReadOnlyList<string> Arguments);

    private sealed record Simulation(ChaincodeResponse Response, SimulationStub Stub);

    /// <summary>The prepared transaction; <paramref name="endorsementSignature"/> is this peer's signature inside it.</summary>
    public EndorseResponse Endorse(EndorseRequest request, out ByteString endorsementSignature)
    {
        var unpacked = Unpack(request.ProposedTransaction);
        string? refusal = CheckAsEndorser(request.ProposedTransaction, unpacked, checkDuplicate: true);
        if (refusal is null && faults.FailEndorsement())
        {
            refusal = "DevLedger fault injection: endorser failed";
        }
        if (refusal is not null)
        {
            throw GatewayErrors.EndorsementFailed(peerAddress(), options.PeerMspId, refusal);
        }
        var simulation = Simulate(unpacked);
        if (ChaincodeFailure(simulation.Response) is { } failure)
        {
            throw GatewayErrors.EndorsementFailed(peerAddress(), options.PeerMspId, failure);
        }
        return new EndorseResponse { PreparedTransaction = Assemble(unpacked, simulation, out endorsementSignature) };
    }

    public EvaluateResponse Evaluate(EvaluateRequest request)
    {
        var unpacked = Unpack(request.ProposedTransaction);
        if (CheckAsEndorser(request.ProposedTransaction, unpacked, checkDuplicate: false) is { } refusal)
        {
            throw GatewayErrors.EvaluateFailed(StatusCode.Aborted, peerAddress(), options.PeerMspId, refusal);
        }
        var response = Simulate(unpacked).Response;
        if (ChaincodeFailure(response) is { } failure)
        {
            var code = response.Status == 500 ? StatusCode.Aborted : StatusCode.Unknown;
            throw GatewayErrors.EvaluateFailed(code, peerAddress(), options.PeerMspId, failure);
        }
        return new EvaluateResponse
        {
            Result = new Response { Status = response.Status, Message = response.Message, Payload = ByteString.CopyFrom(response.Payload) },
        };
    }

    private UnpackedProposal Unpack(SignedProposal? signedProposal)
    {
        if (signedProposal is null || signedProposal.ProposalBytes.IsEmpty)
        {
            throw GatewayErrors.Plain(StatusCode.InvalidArgument, "the proposed transaction must contain a signed proposal");
        }
        UnpackedProposal unpacked;
        try
        {
            var proposal = Proposal.Parser.ParseFrom(signedProposal.ProposalBytes);
            var header = Header.Parser.ParseFrom(proposal.Header);
            var channelHeader = ChannelHeader.Parser.ParseFrom(header.ChannelHeader);
            var signatureHeader = SignatureHeader.Parser.ParseFrom(header.SignatureHeader);
            var payload = ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload);
            var spec = ChaincodeInvocationSpec.Parser.ParseFrom(payload.Input).ChaincodeSpec;
            if (spec?.ChaincodeId is null || spec.ChaincodeId.Name.Length == 0)
            {
                throw new FormatException($"no chaincode id is provided, channel id [{channelHeader.ChannelId}]");
            }
            if (spec.Input is null || spec.Input.Args.Count == 0)
            {
                throw new FormatException("no transaction name is provided");
            }
            var arguments = spec.Input.Args.Select(argument => argument.ToStringUtf8()).ToList();
            unpacked = new UnpackedProposal(proposal, header, channelHeader, signatureHeader, spec.ChaincodeId.Name, arguments);
        }
        catch (Exception exception) when (exception is InvalidProtocolBufferException or FormatException)
        {
            throw GatewayErrors.Plain(StatusCode.InvalidArgument, "failed to unpack transaction proposal: " + exception.Message);
        }
        if (unpacked.ChannelHeader.ChannelId != options.ChannelName)
        {
            throw GatewayErrors.Plain(StatusCode.NotFound, $"channel '{unpacked.ChannelHeader.ChannelId}' not found");
        }
        return unpacked;
    }

    /// <summary>The endorser's refusal message, or null when the proposal may be simulated.</summary>
    private string? CheckAsEndorser(SignedProposal signedProposal, UnpackedProposal unpacked, bool checkDuplicate)
    {
        string channel = unpacked.ChannelHeader.ChannelId;
        if (unpacked.ChaincodeName != options.ChaincodeName)
        {
            return $"make sure the chaincode {unpacked.ChaincodeName} has been successfully defined on channel {channel} and try again: chaincode {unpacked.ChaincodeName} not found";
        }
        KnownCreator creator;
        try
        {
            creator = identities.Resolve(unpacked.SignatureHeader.Creator);
        }
        catch (FormatException)
        {
            return $"access denied: channel [{channel}] creator org unknown, creator is malformed";
        }
        if (!creator.Identity.Verify(signedProposal.ProposalBytes.Span, signedProposal.Signature.Span))
        {
            return $"access denied: channel [{channel}] creator org [{creator.Identity.MspId}]";
        }
        if (creator.Role is null)
        {
            return $"access denied: channel [{channel}] creator org [{creator.Identity.MspId}]: identity is not registered with the DevLedger";
        }
        string expected = TransactionIds.Compute(unpacked.SignatureHeader.Nonce.Span, unpacked.SignatureHeader.Creator.Span);
        if (unpacked.ChannelHeader.TxId != expected)
        {
            return $"invalid txid. got [{unpacked.ChannelHeader.TxId}], expected [{expected}]";
        }
        if (checkDuplicate && chain.Contains(unpacked.ChannelHeader.TxId))
        {
            return $"duplicate transaction found [{unpacked.ChannelHeader.TxId}]. Creator [{Convert.ToHexStringLower(unpacked.SignatureHeader.Creator.Span)}]";
        }
        return null;
    }

    private Simulation Simulate(UnpackedProposal unpacked)
    {
        var creator = identities.Resolve(unpacked.SignatureHeader.Creator);
        var timestamp = unpacked.ChannelHeader.Timestamp?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch;
        var stub = new SimulationStub(state, unpacked.ChannelHeader.TxId, timestamp, creator.Identity.MspId, creator.Role!);
        ChaincodeResponse response;
        try
        {
            response = chaincode.Invoke(stub, unpacked.Arguments[0], unpacked.Arguments.Skip(1).ToList());
        }
        catch (Exception exception)
        {
            // A chaincode fault is a 500 response, as when a Fabric chaincode panics during simulation.
            response = ChaincodeResponse.Error(500, $"error in simulation: {exception.GetType().Name}: {exception.Message}");
        }
        return new Simulation(response, stub);
    }

    /// <summary>
    /// Fabric's wording of a refused simulation: a 500 from the chaincode reads like a peer error, any other
    /// status >= 400 reads "chaincode response &lt;status&gt;, &lt;message&gt;".
    /// </summary>
    private static string? ChaincodeFailure(ChaincodeResponse response) =>
        response.Status is >= 200 and < 400 ? null
        : response.Status == 500 ? response.Message
        : $"chaincode response {response.Status}, {response.Message}";

    private Envelope Assemble(UnpackedProposal unpacked, Simulation simulation, out ByteString endorsementSignature)
    {
        var action = new ChaincodeAction
        {
            Results = simulation.Stub.BuildResults(options.ChaincodeName),
            Events = simulation.Stub.BuildEvents(options.ChaincodeName),
            Response = new Response
            {
                Status = simulation.Response.Status,
                Message = simulation.Response.Message,
                Payload = ByteString.CopyFrom(simulation.Response.Payload),
            },
            ChaincodeId = new ChaincodeID { Name = options.ChaincodeName, Version = "1.0" },
        };
        // Transient data never reaches the ledger: the payload that is hashed and committed omits it.
        var proposalPayload = ChaincodeProposalPayload.Parser.ParseFrom(unpacked.Proposal.Payload);
        var visiblePayload = proposalPayload.TransientMap.Count == 0
            ? unpacked.Proposal.Payload
            : new ChaincodeProposalPayload { Input = proposalPayload.Input }.ToByteString();

        var responsePayload = new ProposalResponsePayload
        {
            ProposalHash = ByteString.CopyFrom(ProposalHash(unpacked.Header, visiblePayload)),
            Extension = action.ToByteString(),
        }.ToByteString();
        endorsementSignature = SignEndorsement(responsePayload);
        var endorsement = new Endorsement { Endorser = peer.Creator, Signature = endorsementSignature };

        var actionPayload = new ChaincodeActionPayload
        {
            ChaincodeProposalPayload = visiblePayload,
            Action = new ChaincodeEndorsedAction { ProposalResponsePayload = responsePayload, Endorsements = { endorsement } },
        };
        var transaction = new Transaction
        {
            Actions = { new TransactionAction { Header = unpacked.Header.SignatureHeader, Payload = actionPayload.ToByteString() } },
        };
        var payload = new Payload { Header = unpacked.Header, Data = transaction.ToByteString() };
        return new Envelope { Payload = payload.ToByteString() };
    }

    private ByteString SignEndorsement(ByteString responsePayload)
    {
        var signed = new byte[responsePayload.Length + peer.Creator.Length];
        responsePayload.Span.CopyTo(signed);
        peer.Creator.Span.CopyTo(signed.AsSpan(responsePayload.Length));
        return ByteString.CopyFrom(peer.Sign(signed));
    }

    /// <summary>Fabric's proposal hash: SHA-256 over channel header, signature header and the visible payload.</summary>
    private static byte[] ProposalHash(Header header, ByteString visiblePayload)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(header.ChannelHeader.Span);
        hash.AppendData(header.SignatureHeader.Span);
        hash.AppendData(visiblePayload.Span);
        return hash.GetHashAndReset();
    }
}
