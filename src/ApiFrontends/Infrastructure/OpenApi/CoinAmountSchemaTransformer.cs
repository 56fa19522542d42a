using System.Text.Json.Nodes;
using GxProtocol.ApiFrontends.Domain.Money;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GxProtocol.ApiFrontends.Infrastructure.OpenApi;

/// <summary>
/// Coin amounts have their own JSON converter, which the schema generator cannot see through; this states the wire
/// form: a decimal string of coins with at most six fraction digits.
/// </summary>
internal sealed class CoinAmountSchemaTransformer : IOpenApiSchemaTransformer
{
    private const string CoinsPattern = "^(0|[1-9][0-9]*)(\\.[0-9]{1,6})?$";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var nullable = Nullable.GetUnderlyingType(type) is not null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type != typeof(CoinAmount) && type != typeof(PositiveCoinAmount))
        {
            return Task.CompletedTask;
        }

        schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Format = null;
        schema.Properties = null;
        schema.Required = null;
        schema.AdditionalProperties = null;
        schema.Pattern = CoinsPattern;
        schema.Description = type == typeof(PositiveCoinAmount)
            ? "Coins above zero as a decimal string, at most 6 fraction digits (1 coin = 1,000,000 Qirat)."
            : "Coins as a decimal string, at most 6 fraction digits (1 coin = 1,000,000 Qirat).";
        schema.Examples = [JsonValue.Create("12.5")];
        return Task.CompletedTask;
    }
}
