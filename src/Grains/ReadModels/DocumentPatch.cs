namespace GxProtocol.Grains.ReadModels;

/// <summary>
/// Creates a read-model document or merges <see cref="Json"/> (a JSON object) into it, top-level properties
/// replacing the stored ones. <see cref="Partition"/> and <see cref="Status"/> are the two things lists filter on;
/// null keeps the stored value. A document's place in its lists is fixed when it is created.
/// </summary>
public sealed record DocumentPatch(string Collection, string Id, string? Partition, string? Status, string Json);
