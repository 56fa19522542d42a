namespace GxProtocol.Grains.Interfaces.Organizations;

/// <summary>
/// Which organization a multi-signature transaction belongs to, keyed by its pending transaction id. Written by the
/// organization grain before it accepts the initiation, so an approval can find the organization at once.
/// </summary>
[Alias("gx.IMultiSigTxGrain")]
public interface IMultiSigTxGrain : IGrainWithGuidKey
{
    [Alias("RecordOrganization")] Task RecordOrganizationAsync(string orgId);

    /// <summary>The organization's id, or null when no initiation with this id was ever accepted.</summary>
    [Alias("GetOrganization")] Task<string?> GetOrganizationAsync();
}
