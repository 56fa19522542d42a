namespace GxProtocol.Contract;

/// <summary>A trust score and its parts, each part already capped; <see cref="Score"/> is their sum capped at 100.</summary>
public sealed record TrustScoreParts(int Score, int Base, int Family, int Business, int Friends);
