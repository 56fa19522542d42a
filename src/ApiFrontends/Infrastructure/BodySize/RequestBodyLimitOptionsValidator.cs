using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Infrastructure.BodySize;

/// <summary>Stops start-up on a bad <see cref="RequestBodyLimitOptions"/>, naming the key.</summary>
internal sealed class RequestBodyLimitOptionsValidator : IValidateOptions<RequestBodyLimitOptions>
{
    private const long Floor = 1024;
    private const long Ceiling = 100 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, RequestBodyLimitOptions options) =>
        options.MaxRequestBodyBytes is < Floor or > Ceiling
            ? ValidateOptionsResult.Fail($"{RequestBodyLimitOptions.SectionName}:{nameof(RequestBodyLimitOptions.MaxRequestBodyBytes)} " +
                $"must be between {Floor} and {Ceiling} (was {options.MaxRequestBodyBytes}).")
            : ValidateOptionsResult.Success;
}
