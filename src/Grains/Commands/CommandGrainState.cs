using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Commands;

/// <summary>A command's status as versions before outbox rows stored it; read only.</summary>
[GenerateSerializer, Alias("gx.CommandGrainState")]
public sealed class CommandGrainState
{
    [Id(0)] public CommandStatus? Status { get; set; }
}
