using System.Text.Json;
using System.Text.Json.Serialization;

namespace GxProtocol.ApiFrontends.Domain.Money;

public sealed class PositiveCoinAmountJsonConverter : JsonConverter<PositiveCoinAmount>
{
    public override PositiveCoinAmount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(CoinJsonReader.ReadQirat(ref reader, allowZero: false));

    public override void Write(Utf8JsonWriter writer, PositiveCoinAmount value, JsonSerializerOptions options) =>
        writer.WriteStringValue(CoinFormat.ToCoins(value.Qirat));
}
