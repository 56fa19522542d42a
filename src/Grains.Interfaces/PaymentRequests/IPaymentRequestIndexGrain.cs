using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.Grains.Interfaces.PaymentRequests;

/// <summary>A payee's payment requests, newest first, keyed by the payee's user id; it also draws the codes.</summary>
[Alias("gx.IPaymentRequestIndexGrain")]
public interface IPaymentRequestIndexGrain : IGrainWithGuidKey
{
    /// <summary>Creates a request for this payee (an active user) under a fresh random code.</summary>
    [Alias("Create")] Task<PaymentRequestView> CreateAsync(NewPaymentRequest request);

    /// <summary>A page of the payee's requests, newest first; the cursor is the one the previous page returned.</summary>
    [Alias("List")] Task<Page<PaymentRequestView>> ListAsync(string? cursor, int limit);
}
