using System.Formats.Asn1;
using System.Numerics;

namespace GxProtocol.Fabric.Identity;

/// <summary>
/// DER encoding of ECDSA P-256 signatures in the canonical low-S form. Fabric peers refuse a signature whose
/// S is above half the curve order (the malleable twin of a valid signature), so we always emit low-S and the
/// DevLedger refuses high-S exactly like a peer.
/// </summary>
public static class LowSSignatures
{
    /// <summary>The order n of the P-256 group.</summary>
    private static readonly BigInteger CurveOrder = BigInteger.Parse(
        "0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);

    private static readonly BigInteger HalfOrder = CurveOrder >> 1;

    /// <summary>Turns a raw r||s (IEEE P1363) signature into DER with S folded into the lower half of the order.</summary>
    public static byte[] ToLowSDer(ReadOnlySpan<byte> ieeeP1363)
    {
        int half = ieeeP1363.Length / 2;
        var r = new BigInteger(ieeeP1363[..half], isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(ieeeP1363[half..], isUnsigned: true, isBigEndian: true);
        if (s > HalfOrder)
        {
            s = CurveOrder - s;
        }
        return EncodeDer(r, s);
    }

    /// <summary>DER SEQUENCE { INTEGER r, INTEGER s }.</summary>
    public static byte[] EncodeDer(BigInteger r, BigInteger s)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(r);
            writer.WriteInteger(s);
        }
        return writer.Encode();
    }

    /// <summary>Reads r and s from a DER signature; false when the bytes are not a well-formed DER signature.</summary>
    public static bool TryDecodeDer(ReadOnlySpan<byte> der, out BigInteger r, out BigInteger s)
    {
        r = default;
        s = default;
        try
        {
            var reader = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
            var sequence = reader.ReadSequence();
            r = sequence.ReadInteger();
            s = sequence.ReadInteger();
            return !sequence.HasData && !reader.HasData && r.Sign > 0 && s.Sign > 0;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="s"/> is in the lower half of the order, the only form Fabric accepts.</summary>
    public static bool IsLowS(BigInteger s) => s.Sign > 0 && s <= HalfOrder;

    /// <summary>The high-S twin of a signature: verifies mathematically, but a Fabric peer must refuse it.</summary>
    public static byte[] ToHighSTwin(ReadOnlySpan<byte> der)
    {
        if (!TryDecodeDer(der, out var r, out var s))
        {
            throw new ArgumentException("Not a DER ECDSA signature.", nameof(der));
        }
        return EncodeDer(r, IsLowS(s) ? CurveOrder - s : s);
    }
}
