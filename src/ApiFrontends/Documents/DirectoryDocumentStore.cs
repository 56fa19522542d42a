using System.Text.Json;

namespace GxProtocol.ApiFrontends.Documents;

/// <summary>
/// Documents in a directory: <c>content/ID</c> holds the bytes, <c>meta/ID.json</c> the metadata, and an empty
/// <c>owners/OWNER/ID</c> lists a document under its owner. Every file is written under a temporary name and moved
/// into place, bytes first and owner entry last, so a crash leaves at worst an unlisted orphan, never a listed
/// document without bytes.
/// </summary>
public sealed class DirectoryDocumentStore : IDocumentStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _content;
    private readonly string _meta;
    private readonly string _owners;

    public DirectoryDocumentStore(string root)
    {
        _content = System.IO.Directory.CreateDirectory(Path.Combine(root, "content")).FullName;
        _meta = System.IO.Directory.CreateDirectory(Path.Combine(root, "meta")).FullName;
        _owners = System.IO.Directory.CreateDirectory(Path.Combine(root, "owners")).FullName;
    }

    public async Task SaveAsync(StoredDocument document, Stream content, CancellationToken cancellationToken)
    {
        var contentPath = ContentPath(document.DocumentId);
        var metaPath = MetaPath(document.DocumentId);
        if (File.Exists(metaPath))
        {
            throw new InvalidOperationException($"Document {document.DocumentId} already exists.");
        }
        var written = await WriteAtomicallyAsync(contentPath, target => content.CopyToAsync(target, cancellationToken));
        if (written != document.SizeBytes)
        {
            File.Delete(contentPath);
            throw new InvalidOperationException($"Document {document.DocumentId}: {written} bytes arrived, {document.SizeBytes} were announced.");
        }
        await WriteAtomicallyAsync(metaPath, target => JsonSerializer.SerializeAsync(target, document, Json, cancellationToken));
        var ownerDirectory = System.IO.Directory.CreateDirectory(Path.Combine(_owners, document.OwnerId.ToString("N")));
        await File.WriteAllBytesAsync(Path.Combine(ownerDirectory.FullName, document.DocumentId.ToString("N")), [], cancellationToken);
    }

    public async Task<StoredDocument?> FindAsync(Guid documentId, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(MetaPath(documentId));
            return await JsonSerializer.DeserializeAsync<StoredDocument>(file, Json, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<StoredDocument>> ListAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var ownerDirectory = Path.Combine(_owners, ownerId.ToString("N"));
        if (!System.IO.Directory.Exists(ownerDirectory))
        {
            return [];
        }
        var documents = new List<StoredDocument>();
        foreach (var entry in System.IO.Directory.EnumerateFiles(ownerDirectory))
        {
            if (Guid.TryParseExact(Path.GetFileName(entry), "N", out var documentId) && await FindAsync(documentId, cancellationToken) is { } document)
            {
                documents.Add(document);
            }
        }
        return documents.OrderBy(d => d.CreatedAt).ThenBy(d => d.DocumentId).ToList();
    }

    public Task<Stream?> OpenContentAsync(Guid documentId, CancellationToken cancellationToken)
    {
        if (!File.Exists(MetaPath(documentId)))
        {
            return Task.FromResult<Stream?>(null);
        }
        try
        {
            return Task.FromResult<Stream?>(new FileStream(ContentPath(documentId), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                81920, FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public async Task<bool> DeleteAsync(Guid documentId, CancellationToken cancellationToken)
    {
        if (await FindAsync(documentId, cancellationToken) is not { } document)
        {
            return false;
        }
        // Owner entry first, bytes last: the reverse of saving.
        File.Delete(Path.Combine(_owners, document.OwnerId.ToString("N"), documentId.ToString("N")));
        File.Delete(MetaPath(documentId));
        File.Delete(ContentPath(documentId));
        return true;
    }

    private string ContentPath(Guid documentId) => Path.Combine(_content, documentId.ToString("N"));

    private string MetaPath(Guid documentId) => Path.Combine(_meta, documentId.ToString("N") + ".json");

    private static async Task<long> WriteAtomicallyAsync(string path, Func<Stream, Task> write)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            long length;
            await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await write(target);
                await target.FlushAsync();
                target.Flush(flushToDisk: true);
                length = target.Length;
            }
            File.Move(temporary, path, overwrite: false);
            return length;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
