namespace GxProtocol.ApiFrontends.Documents;

/// <summary>
/// Document bytes and their metadata: PostgreSQL in PostgreSQL mode, a directory in the embedded default. Content is
/// streamed in and out, never held whole in memory or in grain state.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Stores a new document; <paramref name="content"/> is read to its end and must hold exactly <see cref="StoredDocument.SizeBytes"/> bytes.</summary>
    Task SaveAsync(StoredDocument document, Stream content, CancellationToken cancellationToken);

    Task<StoredDocument?> FindAsync(Guid documentId, CancellationToken cancellationToken);

    /// <summary>An owner's documents, oldest first.</summary>
    Task<IReadOnlyList<StoredDocument>> ListAsync(Guid ownerId, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null for an unknown document; the caller disposes the stream.</summary>
    Task<Stream?> OpenContentAsync(Guid documentId, CancellationToken cancellationToken);

    /// <summary>Removes metadata and bytes; false when there was no such document.</summary>
    Task<bool> DeleteAsync(Guid documentId, CancellationToken cancellationToken);
}
