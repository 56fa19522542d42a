using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.PaymentRequests;

internal sealed class PaymentRequestOptionsValidator : IValidateOptions<PaymentRequestOptions>
{
    private const string Key = PaymentRequestOptions.SectionName + ":" + nameof(PaymentRequestOptions.SigningKey);

    public ValidateOptionsResult Validate(string? name, PaymentRequestOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return ValidateOptionsResult.Fail($"{Key} is required (or Gx:Jwt:SigningKey to derive it from): base64 of at least " +
                $"{PaymentRequestOptions.MinimumKeyBytes} random bytes (e.g. `openssl rand -base64 32`).");
        }
        var key = new byte[options.SigningKey.Length];
        if (!Convert.TryFromBase64String(options.SigningKey, key, out var length))
        {
            return ValidateOptionsResult.Fail($"{Key} is not valid base64.");
        }
        return length < PaymentRequestOptions.MinimumKeyBytes
            ? ValidateOptionsResult.Fail($"{Key} decodes to {length} bytes; at least {PaymentRequestOptions.MinimumKeyBytes} are required.")
            : ValidateOptionsResult.Success;
    }
}
