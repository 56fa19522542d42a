using System.Security.Cryptography;
using System.Text;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Http;

namespace GxProtocol.ApiFrontends.Infrastructure.Commands;

/// <summary>
/// Derives a command id from who sent the request, its idempotency key and its content. A retry whose first attempt
/// died before its answer was stored therefore carries the same command id, and the grains and the ledger see a repeat.
/// </summary>
public static class CommandIds
{
    /// <param name="context">The request, after authentication.</param>
    /// <param name="fingerprint">The request's <see cref="RequestFingerprint"/>, as the idempotency filter computed it.</param>
    public static Guid For(HttpContext context, string fingerprint)
    {
        var key = context.Request.Headers[IdempotencyHeaders.Key].ToString();
        var principal = context.User.TryGetUserId(out var userId) ? userId.ToString("N") : "anon";
        // The request's fingerprint (body included) too: a key reused for another target once its idempotency record
        // expired must not give a second aggregate the command id of the first, which the ledger would call a repeat.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{principal}\n{context.Request.Path}\n{key}\n{fingerprint}"));
        // Version 8 (custom) GUID: the RFC 9562 layout with our own hash bits.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
