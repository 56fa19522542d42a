namespace GxProtocol.ApiFrontends.Infrastructure.Idempotency;

public static class IdempotencyHeaders
{
    public const string Key = "X-Idempotency-Key";
    public const string Replayed = "Idempotent-Replayed";
    public const int MinKeyLength = 16;
    public const int MaxKeyLength = 128;
}
