using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Commands;

[GenerateSerializer, Alias("gx.CommandGrainState")]
public sealed class CommandGrainState
{
    [Id(0)] public CommandStatus? Status { get; set; }
}
