namespace GxProtocol.Grains.Users;

[GenerateSerializer, Alias("gx.UserDirectoryState")]
public sealed class UserDirectoryState
{
    [Id(0)] public Guid? OwnerId { get; set; }
}
