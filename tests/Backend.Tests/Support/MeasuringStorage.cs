using System.Collections.Concurrent;
using GxProtocol.Grains.Outbox;
using Orleans.Serialization;
using Orleans.Storage;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>Grain storage in memory that counts the bytes every write stores, and lets a test place stored state itself.</summary>
public sealed class MeasuringGrainStorage(Serializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), byte[]> _stored = new();
    private long _bytesWritten;

    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Stores <paramref name="serialized"/> as if a grain had written it.</summary>
    public void Place(string stateName, GrainId grainId, byte[] serialized) => _stored[(stateName, grainId)] = serialized;

    public T? Stored<T>(string stateName, GrainId grainId) =>
        _stored.TryGetValue((stateName, grainId), out var data) ? serializer.Deserialize<T>(data) : default;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_stored.TryGetValue((stateName, grainId), out var data))
        {
            grainState.State = serializer.Deserialize<T>(data);
            grainState.ETag = data.Length.ToString();
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.SerializeToArray(grainState.State);
        Interlocked.Add(ref _bytesWritten, data.Length);
        _stored[(stateName, grainId)] = data;
        grainState.ETag = data.Length.ToString();
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _stored.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}

/// <summary>The embedded default's outbox rows, counting the bytes of every row written as PostgreSQL mode would store it.</summary>
public sealed class MeasuringOutboxStore(Serializer serializer) : IOutboxStore
{
    private readonly InMemoryOutboxStore _rows = new();
    private long _bytesWritten;

    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    public Task<OutboxRow?> AddAsync(OutboxRow row)
    {
        Count(row);
        return _rows.AddAsync(row);
    }

    public Task UpdateAsync(OutboxRow row)
    {
        Count(row);
        return _rows.UpdateAsync(row);
    }

    public Task<OutboxRow?> GetAsync(Guid commandId) => _rows.GetAsync(commandId);

    public Task<IReadOnlyList<OutboxRow>> LoadUnfinishedAsync(long shard) => _rows.LoadUnfinishedAsync(shard);

    public Task<IReadOnlyList<OutboxRow>> LoadUnfinishedAsync(GrainId origin) => _rows.LoadUnfinishedAsync(origin);

    public Task<int> PurgeFinishedAsync(DateTimeOffset finishedBefore) => _rows.PurgeFinishedAsync(finishedBefore);

    private void Count(OutboxRow row) => Interlocked.Add(ref _bytesWritten, serializer.SerializeToArray(row).Length);
}
