using System.Net;
using GxProtocol.ApiFrontends.Documents;
using GxProtocol.Backend.Tests.Support;
using Microsoft.Extensions.Options;
using static GxProtocol.Backend.Tests.Documents.DocumentApi;

namespace GxProtocol.Backend.Tests.Documents;

/// <summary>No verdict, no document: a stopped or missing scanner refuses uploads with 503 and stores nothing.</summary>
[Trait("Category", "Process")]
[Trait("Category", "Slow")]
[Trait("Category", "Documents")]
public sealed class ScannerOutageTests : IAsyncLifetime
{
    private readonly MemoryLedgerClusterFixture _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task With_clamd_stopped_uploads_answer_503_with_Retry_After_and_nothing_is_stored()
    {
        await using var clamd = await ClamdProcess.StartAsync();
        await using var api = await StartAsync(_cluster.Client, new Dictionary<string, string?> { ["Gx:Documents:ClamAv:Endpoint"] = clamd.Endpoint });
        var (owner, client) = await api.NewUserAsync();
        // Scanned while clamd runs, so the 503 below is the outage and nothing else.
        await ReadAsync<DocumentResponse>(await UploadAsync(client, owner, SampleFiles.Pdf, "before.pdf", "application/pdf"), HttpStatusCode.Created);

        await clamd.StopAsync();
        var response = await UploadAsync(client, owner, SampleFiles.Png, "during.png", "image/png");

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "scanner_unavailable");
        Assert.Equal(TimeSpan.FromSeconds(DocumentIntake.ScannerRetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Equal([DocumentContentTypes.Pdf], (await ListAsync(client, owner)).Select(d => d.ContentType));
        Assert.Single(api.StoredContentFiles());
    }

    [Fact]
    public async Task Without_a_configured_scanner_uploads_answer_503_unless_scanning_is_switched_off()
    {
        await using (var unconfigured = await StartAsync(_cluster.Client, new Dictionary<string, string?>()))
        {
            var (owner, client) = await unconfigured.NewUserAsync();
            var response = await UploadAsync(client, owner, SampleFiles.Pdf, "a.pdf", "application/pdf");
            var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "scanner_unavailable");
            Assert.Contains("Gx:Documents:ClamAv:Endpoint", problem.GetProperty("detail").GetString());
            Assert.Empty(await ListAsync(client, owner));
        }

        await using var switchedOff = await StartAsync(_cluster.Client, new Dictionary<string, string?> { ["Gx:Documents:ClamAv:Enabled"] = "false" });
        var (user, userClient) = await switchedOff.NewUserAsync();
        var stored = await ReadAsync<DocumentResponse>(await UploadAsync(userClient, user, SampleFiles.Pdf, "a.pdf", "application/pdf"), HttpStatusCode.Created);
        Assert.Equal(DocumentStatuses.Unscanned, stored.Status);
    }

    [Theory]
    [InlineData("Gx:Documents:ClamAv:Endpoint", "clamd", "Gx:Documents:ClamAv:Endpoint must be host:port")]
    [InlineData("Gx:Documents:ClamAv:Enabled", "true", "Gx:Documents:ClamAv:Endpoint is required when Gx:Documents:ClamAv:Enabled is true")]
    [InlineData("Gx:Documents:LinkSigningKey", "c2hvcnQ=", "Gx:Documents:LinkSigningKey decodes to 5 bytes")]
    [InlineData("Gx:Documents:MaxBytes", "20000000", "Gx:Documents:MaxBytes must be between 1024 and 10485760")]
    public async Task A_bad_document_setting_stops_start_up_naming_the_key(string key, string value, string message)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(_cluster.Client, new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(message, failure.Message);
    }
}
