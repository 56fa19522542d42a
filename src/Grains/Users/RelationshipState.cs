using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.Users;

[GenerateSerializer, Alias("gx.RelationshipState")]
public sealed class RelationshipState
{
    /// <summary>Null until someone asks for the link.</summary>
    [Id(0)] public RelationshipView? Link { get; set; }

    /// <summary>Whether both users have recorded the confirmed link; if not, activation records it again.</summary>
    [Id(1)] public bool RecordedByUsers { get; set; }
}
