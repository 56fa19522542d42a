using System.Collections.Concurrent;
using GxProtocol.Grains.Verification;

namespace GxProtocol.Backend.Tests.Verification;

/// <summary>Keeps each phone code sent, by number, as an SMS provider's inbox would.</summary>
public sealed class RecordingPhoneSender : IPhoneVerificationSender
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _codes = new();

    public Task SendCodeAsync(string phoneNumber, string code, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        _codes.GetOrAdd(phoneNumber, _ => new ConcurrentQueue<string>()).Enqueue(code);
        return Task.CompletedTask;
    }

    public IReadOnlyList<string> CodesFor(string phoneNumber) => _codes.TryGetValue(phoneNumber, out var codes) ? [.. codes] : [];
}
