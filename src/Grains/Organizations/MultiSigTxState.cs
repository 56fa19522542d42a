namespace GxProtocol.Grains.Organizations;

[GenerateSerializer, Alias("gx.MultiSigTxState")]
public sealed class MultiSigTxState
{
    [Id(0)] public string? OrgId { get; set; }
}
