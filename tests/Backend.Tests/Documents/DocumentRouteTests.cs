using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using GxProtocol.ApiFrontends.Documents;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Users;
using static GxProtocol.Backend.Tests.Documents.DocumentApi;

namespace GxProtocol.Backend.Tests.Documents;

/// <summary>KYC documents through the identity routes, every upload scanned by a real clamd.</summary>
[Trait("Category", "Process")]
[Trait("Category", "Slow")]
[Trait("Category", "Documents")]
public sealed class DocumentRouteTests(DocumentsFixture fixture) : IClassFixture<DocumentsFixture>
{
    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task The_EICAR_file_is_refused_with_422_and_nothing_is_stored()
    {
        await using var api = await StartAsync(fixture.Grains, fixture.Scanning());
        var (owner, client) = await api.NewUserAsync();

        foreach (var (bytes, name) in new[] { (ClamdProcess.Eicar, "eicar.pdf"), (SampleFiles.InfectedPdf, "statement.pdf") })
        {
            var response = await UploadAsync(client, owner, bytes, name, "application/pdf");
            var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "document_infected");
            Assert.Contains(ClamdProcess.SignatureName, Assert.Single(ProblemAssertions.FieldErrors(problem, "file")));
        }

        Assert.Empty(await ListAsync(client, owner));
        Assert.Empty(api.StoredContentFiles());
    }

    [Fact]
    public async Task A_clean_PDF_is_accepted_listed_with_its_SHA256_and_becomes_the_KYC_evidence_hash()
    {
        await using var api = await StartAsync(fixture.Grains, fixture.Scanning());
        var (owner, client) = await api.NewUserAsync();

        var created = await ReadAsync<DocumentResponse>(
            await UploadAsync(client, owner, SampleFiles.Pdf, "passport.pdf", "application/pdf", kind: "passport"), HttpStatusCode.Created);
        Assert.Equal(Sha256(SampleFiles.Pdf), created.Sha256);
        Assert.Equal((DocumentContentTypes.Pdf, SampleFiles.Pdf.LongLength, DocumentStatuses.Clean, "PASSPORT", owner),
            (created.ContentType, created.SizeBytes, created.Status, created.Kind, created.OwnerId));
        Assert.Equal(Sha256(SampleFiles.Pdf), Assert.Single(await ListAsync(client, owner)).Sha256);

        // The KYC submission takes the document's stored hash, size and type, not values the client states.
        var kycResponse = await SubmitKycAsync(client, owner, new { documentId = created.DocumentId });
        var kyc = await ReadAsync<KycView>(kycResponse, HttpStatusCode.OK);
        Assert.Equal("PENDING_ADMIN_APPROVAL", kyc.Status);
        Assert.Equal(new KycSubmission(Sha256(SampleFiles.Pdf), SampleFiles.Pdf.Length, DocumentContentTypes.Pdf), kyc.Evidence);
        Assert.Equal(kyc.Evidence, (await fixture.Grains.GetGrain<IUserGrain>(owner).GetKycAsync()).Evidence);
        Assert.True(Assert.Single(await ListAsync(client, owner)).KycEvidence);

        // The signed link returns exactly the stored bytes.
        var link = await ReadAsync<DocumentLinkResponse>(await client.PostAsync($"/identity/api/v1/documents/{created.DocumentId}/link", null), HttpStatusCode.OK);
        var content = await api.AnonymousClient().GetAsync(link.Url);
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal(DocumentContentTypes.Pdf, content.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SampleFiles.Pdf, await content.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task KYC_from_a_document_refuses_another_users_document_and_mixed_evidence()
    {
        await using var api = await StartAsync(fixture.Grains, fixture.Scanning());
        var (owner, ownerClient) = await api.NewUserAsync();
        var (other, otherClient) = await api.NewUserAsync();
        var document = await ReadAsync<DocumentResponse>(await UploadAsync(ownerClient, owner, SampleFiles.Png, "id.png", "image/png"), HttpStatusCode.Created);

        var foreign = await SubmitKycAsync(otherClient, other, new { documentId = document.DocumentId });
        Assert.Equal(["documentId is not a document of this user."],
            ProblemAssertions.FieldErrors(await ProblemAssertions.AssertProblemAsync(foreign, HttpStatusCode.UnprocessableEntity, "unknown_document"), "documentId"));
        var mixed = await SubmitKycAsync(ownerClient, owner,
            new { documentId = document.DocumentId, evidenceHash = new string('a', 64), evidenceSize = 10, evidenceMime = "image/png" });
        ProblemAssertions.FieldErrors(await ProblemAssertions.AssertProblemAsync(mixed, HttpStatusCode.BadRequest, "validation_failed"), "documentId");

        Assert.Equal("NOT_SUBMITTED", (await fixture.Grains.GetGrain<IUserGrain>(other).GetKycAsync()).Status);
        Assert.Equal("NOT_SUBMITTED", (await fixture.Grains.GetGrain<IUserGrain>(owner).GetKycAsync()).Status);
    }

    [Fact]
    public async Task The_type_comes_from_the_bytes_not_from_the_name_or_declared_type()
    {
        await using var api = await StartAsync(fixture.Grains, fixture.Scanning());
        var (owner, client) = await api.NewUserAsync();

        var png = await ReadAsync<DocumentResponse>(await UploadAsync(client, owner, SampleFiles.Png, "scan.pdf", "application/pdf"), HttpStatusCode.Created);
        Assert.Equal(DocumentContentTypes.Png, png.ContentType);
        var jpeg = await ReadAsync<DocumentResponse>(await UploadAsync(client, owner, SampleFiles.Jpeg, "selfie.txt", "text/plain"), HttpStatusCode.Created);
        Assert.Equal(DocumentContentTypes.Jpeg, jpeg.ContentType);
        var webp = await ReadAsync<DocumentResponse>(await UploadAsync(client, owner, SampleFiles.WebP, "photo", "application/octet-stream"), HttpStatusCode.Created);
        Assert.Equal(DocumentContentTypes.WebP, webp.ContentType);

        var text = await UploadAsync(client, owner, SampleFiles.Text, "passport.pdf", "application/pdf");
        var problem = await ProblemAssertions.AssertProblemAsync(text, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Contains("JPEG, PNG, WebP or PDF", Assert.Single(ProblemAssertions.FieldErrors(problem, "file")));

        Assert.Equal([png.DocumentId, jpeg.DocumentId, webp.DocumentId], (await ListAsync(client, owner)).Select(d => d.DocumentId));
        Assert.Equal(3, api.StoredContentFiles().Count);
    }

    [Fact]
    public async Task Ten_megabytes_are_accepted_one_byte_more_is_refused_with_413_naming_the_file()
    {
        await using var api = await StartAsync(fixture.Grains, fixture.Scanning());
        var (owner, client) = await api.NewUserAsync();
        const int limit = 10 * 1024 * 1024;

        var atLimit = await ReadAsync<DocumentResponse>(await UploadAsync(client, owner, SampleFiles.PdfOfSize(limit), "big.pdf", "application/pdf"), HttpStatusCode.Created);
        Assert.Equal(limit, atLimit.SizeBytes);

        var over = await UploadAsync(client, owner, SampleFiles.PdfOfSize(limit + 1), "bigger.pdf", "application/pdf");
        var problem = await ProblemAssertions.AssertProblemAsync(over, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Contains($"{limit}", Assert.Single(ProblemAssertions.FieldErrors(problem, "file")));

        // Far beyond the limit the body itself is cut off (streamed, counted, never buffered whole).
        var huge = await UploadAsync(client, owner, SampleFiles.PdfOfSize(limit + 2 * 1024 * 1024), "huge.pdf", "application/pdf");
        await ProblemAssertions.AssertProblemAsync(huge, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        Assert.Equal([atLimit.DocumentId], (await ListAsync(client, owner)).Select(d => d.DocumentId));
        Assert.Single(api.StoredContentFiles());
    }

    [Fact]
    public async Task Uploads_that_are_not_one_file_in_multipart_form_data_are_refused_naming_the_field()
    {
        await using var api = await StartAsync(fixture.Grains, fixture.Scanning());
        var (owner, client) = await api.NewUserAsync();

        // The route accepts multipart/form-data only: anything else is refused before the upload is read.
        var json = await client.PostAsJsonAsync($"/identity/api/v1/users/{owner}/documents", new { file = "JVBERi0=" });
        await ProblemAssertions.AssertProblemAsync(json, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");

        var noFile = new MultipartFormDataContent { { new StringContent("PASSPORT"), "kind" } };
        var missing = await client.PostAsync($"/identity/api/v1/users/{owner}/documents", noFile);
        ProblemAssertions.FieldErrors(await ProblemAssertions.AssertProblemAsync(missing, HttpStatusCode.BadRequest, "validation_failed"), "file");

        var badKind = await UploadAsync(client, owner, SampleFiles.Pdf, "a.pdf", "application/pdf", kind: "BIRTHDAY_CARD");
        ProblemAssertions.FieldErrors(await ProblemAssertions.AssertProblemAsync(badKind, HttpStatusCode.BadRequest, "validation_failed"), "kind");

        var empty = await UploadAsync(client, owner, [], "empty.pdf", "application/pdf");
        ProblemAssertions.FieldErrors(await ProblemAssertions.AssertProblemAsync(empty, HttpStatusCode.BadRequest, "validation_failed"), "file");

        Assert.Empty(await ListAsync(client, owner));
    }

    [Fact]
    public async Task A_signed_link_stops_working_when_it_expires_or_is_tampered_with()
    {
        var clock = new ShiftableClock();
        await using var api = await StartAsync(fixture.Grains, fixture.Scanning(), clock);
        var (owner, client) = await api.NewUserAsync();
        var first = await ReadAsync<DocumentResponse>(await UploadAsync(client, owner, SampleFiles.Pdf, "a.pdf", "application/pdf"), HttpStatusCode.Created);
        var second = await ReadAsync<DocumentResponse>(await UploadAsync(client, owner, SampleFiles.Png, "b.png", "image/png"), HttpStatusCode.Created);
        var link = await ReadAsync<DocumentLinkResponse>(await client.PostAsync($"/identity/api/v1/documents/{first.DocumentId}/link", null), HttpStatusCode.OK);
        var anonymous = api.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(link.Url)).StatusCode);

        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://localhost"), link.Url).Query);
        var expires = long.Parse(query["expires"]!);
        var signature = query["signature"]!;
        var tampered = new[]
        {
            $"/identity/api/v1/documents/{first.DocumentId}/content?expires={expires + 3600}&signature={signature}",
            $"/identity/api/v1/documents/{second.DocumentId}/content?expires={expires}&signature={signature}",
            $"/identity/api/v1/documents/{first.DocumentId}/content?expires={expires}&signature={(signature[0] == 'A' ? 'B' : 'A')}{signature[1..]}",
            $"/identity/api/v1/documents/{first.DocumentId}/content?expires={expires}",
            $"/identity/api/v1/documents/{first.DocumentId}/content",
        };
        foreach (var url in tampered)
        {
            await ProblemAssertions.AssertProblemAsync(await anonymous.GetAsync(url), HttpStatusCode.Forbidden, "link_invalid");
        }

        Assert.Equal(300, (link.ExpiresAt - clock.GetUtcNow()).TotalSeconds, 2.0);
        clock.Advance(TimeSpan.FromSeconds(301));
        await ProblemAssertions.AssertProblemAsync(await anonymous.GetAsync(link.Url), HttpStatusCode.Forbidden, "link_expired");
    }

    [Fact]
    public async Task A_stranger_gets_404_on_another_users_documents_and_links_while_admins_may_read_them()
    {
        await using var api = await StartAsync(fixture.Grains, fixture.Scanning());
        var (owner, ownerClient) = await api.NewUserAsync();
        var (_, stranger) = await api.NewUserAsync();
        var document = await ReadAsync<DocumentResponse>(await UploadAsync(ownerClient, owner, SampleFiles.Pdf, "a.pdf", "application/pdf"), HttpStatusCode.Created);

        await ProblemAssertions.AssertProblemAsync(await stranger.GetAsync($"/identity/api/v1/users/{owner}/documents"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssertions.AssertProblemAsync(await stranger.PostAsync($"/identity/api/v1/documents/{document.DocumentId}/link", null), HttpStatusCode.NotFound, "not_found");
        await ProblemAssertions.AssertProblemAsync(await DeleteDocumentAsync(stranger, document.DocumentId), HttpStatusCode.NotFound, "not_found");
        await ProblemAssertions.AssertProblemAsync(await UploadAsync(stranger, owner, SampleFiles.Pdf, "planted.pdf", "application/pdf"), HttpStatusCode.NotFound, "not_found");
        // An unknown document answers the same as someone else's.
        await ProblemAssertions.AssertProblemAsync(await stranger.PostAsync($"/identity/api/v1/documents/{Guid.NewGuid()}/link", null), HttpStatusCode.NotFound, "not_found");

        var admin = api.AdminClient();
        Assert.Equal([document.DocumentId], (await ListAsync(admin, owner)).Select(d => d.DocumentId));
        var link = await ReadAsync<DocumentLinkResponse>(await admin.PostAsync($"/identity/api/v1/documents/{document.DocumentId}/link", null), HttpStatusCode.OK);
        Assert.Equal(SampleFiles.Pdf, await api.AnonymousClient().GetByteArrayAsync(link.Url));
        // Admins review documents; they neither supply nor delete them for the owner.
        await ProblemAssertions.AssertProblemAsync(await UploadAsync(admin, owner, SampleFiles.Pdf, "a.pdf", "application/pdf"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssertions.AssertProblemAsync(await DeleteDocumentAsync(admin, document.DocumentId), HttpStatusCode.NotFound, "not_found");
        Assert.Equal([document.DocumentId], (await ListAsync(ownerClient, owner)).Select(d => d.DocumentId));
    }

    [Fact]
    public async Task The_owner_deletes_a_document_before_approval_but_not_after()
    {
        await using var api = await StartAsync(fixture.Grains, fixture.Scanning());
        var (owner, client) = await api.NewUserAsync();
        var draft = await ReadAsync<DocumentResponse>(await UploadAsync(client, owner, SampleFiles.Png, "draft.png", "image/png"), HttpStatusCode.Created);
        var evidence = await ReadAsync<DocumentResponse>(await UploadAsync(client, owner, SampleFiles.Pdf, "id.pdf", "application/pdf"), HttpStatusCode.Created);
        var draftLink = await ReadAsync<DocumentLinkResponse>(await client.PostAsync($"/identity/api/v1/documents/{draft.DocumentId}/link", null), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, (await DeleteDocumentAsync(client, draft.DocumentId)).StatusCode);
        Assert.Equal([evidence.DocumentId], (await ListAsync(client, owner)).Select(d => d.DocumentId));
        await ProblemAssertions.AssertProblemAsync(await api.AnonymousClient().GetAsync(draftLink.Url), HttpStatusCode.NotFound, "not_found");

        await ReadAsync<KycView>(await SubmitKycAsync(client, owner, new { documentId = evidence.DocumentId }), HttpStatusCode.OK);
        await fixture.Grains.GetGrain<IUserGrain>(owner).ApproveAsync(Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal("APPROVED", (await fixture.Grains.GetGrain<IUserGrain>(owner).GetKycAsync()).Status);

        await ProblemAssertions.AssertProblemAsync(await DeleteDocumentAsync(client, evidence.DocumentId), HttpStatusCode.Conflict, "kyc_approved");
        Assert.Equal([evidence.DocumentId], (await ListAsync(client, owner)).Select(d => d.DocumentId));
        Assert.Single(api.StoredContentFiles());
    }
}
