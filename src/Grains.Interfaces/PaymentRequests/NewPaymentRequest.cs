namespace GxProtocol.Grains.Interfaces.PaymentRequests;

/// <summary>What a payee asks for: an amount in Qirat, an optional remark, and how long the request stays payable.</summary>
[GenerateSerializer, Immutable, Alias("gx.NewPaymentRequest")]
public sealed record NewPaymentRequest(
    [property: Id(0)] long AmountQirat,
    [property: Id(1)] string? Remark,
    [property: Id(2)] int ExpiresInSeconds)
{
    public const int MinExpiresInSeconds = 60;
    public const int MaxExpiresInSeconds = 600;
    public const int DefaultExpiresInSeconds = 300;
    /// <summary>Leaves room for the "QSend QS-XXXXXXXX: " prefix within a transfer remark's 280 characters.</summary>
    public const int MaxRemarkLength = 200;
}
