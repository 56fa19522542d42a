using Orleans.Serialization;
using Orleans.Storage;

namespace GxProtocol.Grains.Infrastructure;

/// <summary>
/// Stores grain state in the Orleans binary format instead of the storage providers' default JSON,
/// which embeds .NET type and assembly names: renaming a state class or moving it to another
/// assembly would make such rows unreadable. The Orleans format is version tolerant through the
/// state types' [Id] members and names types by their [Alias].
/// </summary>
public sealed class OrleansBinaryGrainStorageSerializer(Serializer serializer) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(serializer.SerializeToArray(input));

    // The storage providers only call this for non-NULL payloads, and a serialized state object
    // never reads back as null, so a null here means a corrupt row.
    public T Deserialize<T>(BinaryData input) =>
        serializer.Deserialize<T>(input.ToMemory())
        ?? throw new InvalidOperationException($"Stored grain state of type {typeof(T)} deserialized to null.");
}
