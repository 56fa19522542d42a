namespace GxProtocol.Grains.Interfaces.Ledger;

/// <summary>An event's place on the ledger: block number and index of its transaction's event within the block.</summary>
[GenerateSerializer, Immutable, Alias("gx.LedgerPosition")]
public readonly record struct LedgerPosition([property: Id(0)] ulong Block, [property: Id(1)] int Index) : IComparable<LedgerPosition>
{
    public static readonly LedgerPosition None = new(0, -1);

    public int CompareTo(LedgerPosition other) =>
        Block != other.Block ? Block.CompareTo(other.Block) : Index.CompareTo(other.Index);

    public static bool operator >(LedgerPosition a, LedgerPosition b) => a.CompareTo(b) > 0;
    public static bool operator <(LedgerPosition a, LedgerPosition b) => a.CompareTo(b) < 0;
    public static bool operator >=(LedgerPosition a, LedgerPosition b) => a.CompareTo(b) >= 0;
    public static bool operator <=(LedgerPosition a, LedgerPosition b) => a.CompareTo(b) <= 0;

    /// <summary>The position of the next event the ledger delivers, which is in <paramref name="block"/>.</summary>
    public LedgerPosition Next(ulong block) => block == Block ? this with { Index = Index + 1 } : new LedgerPosition(block, 0);

    public override string ToString() => $"{Block}:{Index}";
}
