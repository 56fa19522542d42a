using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Tax;

/// <summary>Stops start-up on a bad <see cref="FeeCreditFoldOptions"/>, naming the key.</summary>
internal sealed class FeeCreditFoldOptionsValidator : IValidateOptions<FeeCreditFoldOptions>
{
    private const string Prefix = FeeCreditFoldOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, FeeCreditFoldOptions options) =>
        options.FoldInterval < TimeSpan.FromSeconds(1) || options.FoldInterval > TimeSpan.FromDays(1)
            ? ValidateOptionsResult.Fail($"{Prefix}{nameof(FeeCreditFoldOptions.FoldInterval)} must be between 00:00:01 and 1.00:00:00 (was {options.FoldInterval}).")
            : ValidateOptionsResult.Success;
}
