namespace GxProtocol.Contract;

/// <summary>
/// How many confirmed links of each trust part a user has, as seen from that user: <see cref="Parents"/> counts the
/// people confirmed as this user's father or mother, <see cref="Children"/> the people confirmed as this user's child.
/// </summary>
public sealed record TrustLinks(int Parents = 0, int Spouses = 0, int Siblings = 0, int Children = 0, int Business = 0, int Friends = 0);
