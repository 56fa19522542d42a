using GxProtocol.Fabric.Protos.Common;
using GxProtocol.Fabric.Protos.Peer;

namespace GxProtocol.Fabric.Transactions;

/// <summary>
/// Reads what the chaincode returned out of a prepared transaction envelope, as the official clients do:
/// Payload.data -> Transaction.actions[0] -> ChaincodeActionPayload -> ProposalResponsePayload -> ChaincodeAction.response.
/// </summary>
public static class PreparedTransactionReader
{
    public static ChaincodeAction ReadChaincodeAction(Envelope envelope)
    {
        var payload = Payload.Parser.ParseFrom(envelope.Payload);
        var transaction = Transaction.Parser.ParseFrom(payload.Data);
        if (transaction.Actions.Count == 0)
        {
            throw new FormatException("The prepared transaction has no actions.");
        }
        var actionPayload = ChaincodeActionPayload.Parser.ParseFrom(transaction.Actions[0].Payload);
        var responsePayload = ProposalResponsePayload.Parser.ParseFrom(actionPayload.Action.ProposalResponsePayload);
        return ChaincodeAction.Parser.ParseFrom(responsePayload.Extension);
    }

    public static byte[] ReadResult(Envelope envelope) => ReadChaincodeAction(envelope).Response?.Payload.ToByteArray() ?? [];
}
