using System.Text.Json;
using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode.State;

namespace GxProtocol.DevLedger.Chaincode;

/// <summary>
/// One transaction as the contracts see it: typed reads (seeing this transaction's own writes), buffered writes,
/// role and system guards, and the single event. Writes reach the stub only in <see cref="Commit{T}"/>, so a
/// rejection part-way through a function leaves no partial write.
/// </summary>
internal sealed class ChaincodeContext(IChaincodeStub stub)
{
    // A null value is a buffered delete.
    private readonly SortedDictionary<string, byte[]?> _writes = new(StringComparer.Ordinal);

    public string TransactionId => stub.TransactionId;

    /// <summary>The transaction's timestamp: the only clock the chaincode may read.</summary>
    public DateTimeOffset Now => stub.Timestamp;

    public AccountBook Accounts => field ??= new AccountBook(this);

    public T? Read<T>(string key) where T : class
    {
        var bytes = _writes.TryGetValue(key, out var pending) ? pending : stub.GetState(key);
        return bytes is null || bytes.Length == 0 ? null : JsonSerializer.Deserialize<T>(bytes, LedgerEventJson.Options);
    }

    public T Require<T>(string key, string missingMessage) where T : class =>
        Read<T>(key) ?? throw ChaincodeRejection.NotFound(missingMessage);

    /// <summary>Refuses with 409 when <paramref name="key"/> already holds something: what a request creates, it creates once.</summary>
    public void RequireNew(string key, string existsMessage)
    {
        if (Exists(key))
        {
            throw ChaincodeRejection.Conflict(existsMessage);
        }
    }

    public bool Exists(string key) =>
        _writes.TryGetValue(key, out var pending) ? pending is not null : stub.GetState(key) is { Length: > 0 };

    public void Write<T>(string key, T document) where T : class =>
        _writes[key] = JsonSerializer.SerializeToUtf8Bytes(document, LedgerEventJson.Options);

    /// <summary>Removes <paramref name="key"/> when the transaction commits; reads in this transaction no longer see it.</summary>
    public void Delete(string key) => _writes[key] = null;

    /// <summary>Every document under <paramref name="prefix"/>, in key order, including this transaction's writes.</summary>
    public IReadOnlyList<T> ReadPrefix<T>(string prefix) where T : class
    {
        var merged = new SortedDictionary<string, byte[]?>(StringComparer.Ordinal);
        foreach (var (key, value) in stub.GetStateByRange(prefix, StateKeys.EndOf(prefix)))
        {
            merged[key] = value;
        }

        foreach (var (key, value) in _writes.Where(w => w.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            merged[key] = value;
        }

        return merged.Values.OfType<byte[]>().Select(bytes => JsonSerializer.Deserialize<T>(bytes, LedgerEventJson.Options)!).ToList();
    }

    public void RequireSuperAdmin()
    {
        if (stub.CallerRole != CallerRoles.SuperAdmin)
        {
            throw ChaincodeRejection.Forbidden($"Only {CallerRoles.SuperAdmin} may call this function; the caller is '{stub.CallerRole}'.");
        }
    }

    public void RequireAdministrator()
    {
        if (!CallerRoles.IsAdministrator(stub.CallerRole))
        {
            throw ChaincodeRejection.Forbidden($"Only {CallerRoles.Admin} or {CallerRoles.SuperAdmin} may call this function; the caller is '{stub.CallerRole}'.");
        }
    }

    public void RequireKnownRole()
    {
        if (!CallerRoles.IsKnown(stub.CallerRole))
        {
            throw ChaincodeRejection.Forbidden($"The caller's role '{stub.CallerRole}' may not call the GX chaincode.");
        }
    }

    public SystemState RequireBootstrapped() =>
        Read<SystemState>(StateKeys.System) ?? throw ChaincodeRejection.Conflict("The system is not bootstrapped yet (AdminContract:BootstrapSystem).");

    /// <summary>Guards every function that moves money: refused before bootstrap and while paused.</summary>
    public void RequireOperational()
    {
        var system = RequireBootstrapped();
        if (system.Paused)
        {
            throw ChaincodeRejection.Conflict($"The system is paused ({system.PauseReason}); transfers are refused until it is resumed.");
        }
    }

    public long Parameter(string name) => Read<ParameterState>(StateKeys.Parameter(name))?.Value ?? GxParameters.DefaultOf(name);

    /// <summary>Flushes the buffered writes, sets the transaction's one event (named after its payload type) and returns the payload.</summary>
    public ChaincodeResponse Commit<T>(T eventPayload) where T : class, ILedgerEvent
    {
        foreach (var (key, value) in _writes)
        {
            if (value is null)
            {
                stub.DeleteState(key);
            }
            else
            {
                stub.PutState(key, value);
            }
        }
        var payload = LedgerEventJson.Serialize(eventPayload);
        stub.SetEvent(typeof(T).Name, payload);
        return ChaincodeResponse.Success(payload);
    }

    /// <summary>An evaluate-only answer: no writes, no event.</summary>
    public static ChaincodeResponse Answer<T>(T result) where T : class => ChaincodeResponse.Success(LedgerEventJson.Serialize(result));
}
