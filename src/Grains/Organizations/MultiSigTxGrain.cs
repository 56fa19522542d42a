using GxProtocol.Grains.Interfaces.Organizations;

namespace GxProtocol.Grains.Organizations;

/// <summary>Maps a pending transaction id to its organization, so an approval reaches the right organization grain.</summary>
public sealed class MultiSigTxGrain(
    [PersistentState("multisigtx", GxStorage.Name)] IPersistentState<MultiSigTxState> state) : Grain, IMultiSigTxGrain
{
    public async Task RecordOrganizationAsync(string orgId)
    {
        if (state.State.OrgId == orgId)
        {
            return;
        }
        state.State.OrgId = orgId;
        await state.WriteStateAsync();
    }

    public Task<string?> GetOrganizationAsync() => Task.FromResult(state.State.OrgId);
}
