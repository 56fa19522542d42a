using System.Text.Json;
using System.Text.Json.Serialization;

namespace GxProtocol.ApiFrontends.Domain.Money;

public sealed class CoinAmountJsonConverter : JsonConverter<CoinAmount>
{
    public override CoinAmount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(CoinJsonReader.ReadQirat(ref reader, allowZero: true));

    public override void Write(Utf8JsonWriter writer, CoinAmount value, JsonSerializerOptions options) =>
        writer.WriteStringValue(CoinFormat.ToCoins(value.Qirat));
}
