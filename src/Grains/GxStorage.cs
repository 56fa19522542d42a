namespace GxProtocol.Grains;

/// <summary>The grain storage provider every GX grain persists to; the host registers it (memory or PostgreSQL).</summary>
public static class GxStorage
{
    public const string Name = "gx";
}
