using System.Buffers;
using System.Text;
using System.Text.Json;

namespace GxProtocol.ApiFrontends.Domain.Money;

/// <summary>
/// Reads a coin amount from a JSON string or number without going through floating point. The messages do not
/// name the field: the serializer records the JSON path on the exception and the problem-details writer uses it.
/// </summary>
internal static class CoinJsonReader
{
    public static long ReadQirat(ref Utf8JsonReader reader, bool allowZero)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
        {
            throw new JsonException("must be an amount of coins as a string such as \"12.5\".");
        }

        // Raw bytes of a number are its literal text, so "1e3" and "12.50000001" are seen as written.
        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        string text;
        if (reader.TokenType == JsonTokenType.String)
        {
            text = reader.ValueIsEscaped ? reader.GetString()! : Encoding.UTF8.GetString(raw);
        }
        else
        {
            text = Encoding.UTF8.GetString(raw);
        }

        if (!CoinFormat.TryParse(text, out var qirat, out var error))
        {
            throw new JsonException(error);
        }
        if (!allowZero && qirat == 0)
        {
            throw new JsonException("must be greater than zero.");
        }
        return qirat;
    }
}
