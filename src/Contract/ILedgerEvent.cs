namespace GxProtocol.Contract;

/// <summary>
/// A chaincode event payload. Its parties are declared with <see cref="PartyAttribute"/>; every event type is listed in
/// <see cref="LedgerEventTypes"/> under its name (the record's name), which the chaincode emits it under.
/// </summary>
public interface ILedgerEvent;
