using System.Security.Cryptography;
using GxProtocol.ApiFrontends.Documents;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Documents;

/// <summary>One contract for both document stores: the directory (embedded default) and PostgreSQL.</summary>
public abstract class DocumentStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly Guid _alice = Guid.NewGuid();
    private readonly Guid _bob = Guid.NewGuid();

    protected abstract IDocumentStore Store { get; }

    private static (StoredDocument Document, byte[] Bytes) NewDocument(Guid owner, int size, DateTimeOffset createdAt)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        return (new StoredDocument(Guid.NewGuid(), owner, "PASSPORT", DocumentContentTypes.Pdf, size,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), DocumentStatuses.Clean, createdAt), bytes);
    }

    private async Task<byte[]> ReadAllAsync(Guid documentId)
    {
        await using var content = await Store.OpenContentAsync(documentId, CancellationToken.None);
        Assert.NotNull(content);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task A_saved_document_comes_back_byte_for_byte_with_its_metadata()
    {
        // Larger than any single buffer on the way in and out (Npgsql's, FileStream's), so streaming is exercised.
        var (document, bytes) = NewDocument(_alice, 3 * 1024 * 1024 + 17, T0);
        await Store.SaveAsync(document, new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(document, await Store.FindAsync(document.DocumentId, CancellationToken.None));
        Assert.Equal(bytes, await ReadAllAsync(document.DocumentId));
        Assert.Null(await Store.FindAsync(Guid.NewGuid(), CancellationToken.None));
        Assert.Null(await Store.OpenContentAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task Each_owner_lists_only_their_own_documents_oldest_first()
    {
        var (second, secondBytes) = NewDocument(_alice, 10, T0.AddMinutes(2));
        var (first, firstBytes) = NewDocument(_alice, 20, T0.AddMinutes(1));
        var (bobs, bobsBytes) = NewDocument(_bob, 30, T0);
        await Store.SaveAsync(second, new MemoryStream(secondBytes), CancellationToken.None);
        await Store.SaveAsync(first, new MemoryStream(firstBytes), CancellationToken.None);
        await Store.SaveAsync(bobs, new MemoryStream(bobsBytes), CancellationToken.None);

        Assert.Equal([first.DocumentId, second.DocumentId], (await Store.ListAsync(_alice, CancellationToken.None)).Select(d => d.DocumentId));
        Assert.Equal([bobs], await Store.ListAsync(_bob, CancellationToken.None));
        Assert.Empty(await Store.ListAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task A_deleted_document_is_gone_from_lookups_lists_and_content()
    {
        var (kept, keptBytes) = NewDocument(_alice, 40, T0);
        var (deleted, deletedBytes) = NewDocument(_alice, 50, T0.AddSeconds(1));
        await Store.SaveAsync(kept, new MemoryStream(keptBytes), CancellationToken.None);
        await Store.SaveAsync(deleted, new MemoryStream(deletedBytes), CancellationToken.None);

        Assert.True(await Store.DeleteAsync(deleted.DocumentId, CancellationToken.None));
        Assert.False(await Store.DeleteAsync(deleted.DocumentId, CancellationToken.None));

        Assert.Null(await Store.FindAsync(deleted.DocumentId, CancellationToken.None));
        Assert.Null(await Store.OpenContentAsync(deleted.DocumentId, CancellationToken.None));
        Assert.Equal([kept], await Store.ListAsync(_alice, CancellationToken.None));
        Assert.Equal(keptBytes, await ReadAllAsync(kept.DocumentId));
    }

    [Fact]
    public async Task Content_that_does_not_match_the_announced_size_is_refused_and_not_listed()
    {
        var (document, bytes) = NewDocument(_alice, 64, T0);
        await Assert.ThrowsAnyAsync<Exception>(() => Store.SaveAsync(document, new MemoryStream(bytes[..32]), CancellationToken.None));

        Assert.Null(await Store.FindAsync(document.DocumentId, CancellationToken.None));
        Assert.Empty(await Store.ListAsync(_alice, CancellationToken.None));
    }
}

public sealed class DirectoryDocumentStoreTests : DocumentStoreContractTests, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gx-documents-test-").FullName;

    public DirectoryDocumentStoreTests() => Store = new DirectoryDocumentStore(_root);

    protected override IDocumentStore Store { get; }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

[Trait("Category", "Postgres")]
[Trait("Category", "Slow")]
public sealed class PostgresDocumentStoreTests(PostgresFixture database) : DocumentStoreContractTests, IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private PostgresDocumentStore? _store;

    protected override IDocumentStore Store => _store ?? throw new InvalidOperationException("Not initialized.");

    public Task InitializeAsync()
    {
        _store = new PostgresDocumentStore(database.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _store!.DisposeAsync();
}
