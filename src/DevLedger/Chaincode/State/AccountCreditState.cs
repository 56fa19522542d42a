namespace GxProtocol.DevLedger.Chaincode.State;

/// <summary>
/// One transaction's credit to an account that is credited blindly (see <see cref="AccountBook.CreditWithoutRead"/>),
/// stored under <c>credit:{account key}:{transaction id}</c>. The account's balance is its stored base balance plus
/// every such credit; the account and transaction are repeated here so the document explains itself without its key.
/// </summary>
internal sealed record AccountCreditState(string Account, string TransactionId, long Amount);
