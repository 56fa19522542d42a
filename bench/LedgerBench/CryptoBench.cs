using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using GxProtocol.Fabric.Identity;

namespace GxProtocol.LedgerBench;

/// <summary>
/// <c>--crypto</c>: what one ECDSA P-256 sign and verify cost on our paths next to the raw .NET calls with a
/// precomputed SHA-256 digest, to tell the curve arithmetic apart from hashing, DER conversion and allocations.
/// </summary>
public static class CryptoBench
{
    public static void Run()
    {
        var pem = DevelopmentIdentity.Create("crypto-bench");
        using var identity = SigningIdentity.FromPem("BenchMSP", pem.CertificatePem, pem.PrivateKeyPem);
        using var verifier = CertificateIdentity.Parse(identity.Creator);
        using var key = ECDsa.Create();
        key.ImportFromPem(pem.PrivateKeyPem);
        using var publicKey = ECDsa.Create(key.ExportParameters(includePrivateParameters: false));

        // About the size of a proposal or prepared envelope carrying the PEM creator.
        var message = new byte[1500];
        Random.Shared.NextBytes(message);
        byte[] digest = SHA256.HashData(message);
        byte[] der = identity.Sign(message);
        byte[] p1363 = key.SignHash(digest, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        Measure("SigningIdentity.Sign (hash + sign + low-S DER)", () => identity.Sign(message));
        Measure("ECDsa.SignHash P1363, precomputed digest", () => key.SignHash(digest, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Measure("CertificateIdentity.Verify (DER decode + low-S + VerifyData)", () => verifier.Verify(message, der));
        Measure("ECDsa.VerifyHash P1363, precomputed digest", () => publicKey.VerifyHash(digest, p1363, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Measure("ECDsa.VerifyHash DER, precomputed digest", () => publicKey.VerifyHash(digest, der, DSASignatureFormat.Rfc3279DerSequence));
        Measure("SHA-256 of 1500 bytes", () => SHA256.HashData(message));
        Measure("LowSSignatures.TryDecodeDer", () => LowSSignatures.TryDecodeDer(der, out _, out _));
        Measure("LowSSignatures.ToLowSDer", () => LowSSignatures.ToLowSDer(p1363));
    }

    private static void Measure(string name, Func<object> operation)
    {
        for (int i = 0; i < 300; i++)
        {
            operation();
        }
        const int Iterations = 5000;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < Iterations; i++)
        {
            operation();
        }
        double microseconds = stopwatch.Elapsed.TotalMicroseconds / Iterations;
        long allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / Iterations;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-62} {microseconds,8:0.0} µs  {allocated,6} B/op"));
    }
}
