namespace GxProtocol.Grains.Interfaces.Commands;

/// <summary>Where a ledger command is: accepted, handed to the ledger, or finished one way or the other.</summary>
public enum CommandState
{
    Pending = 0,
    Submitted = 1,
    Committed = 2,
    Failed = 3,
}
