using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using static GxProtocol.Backend.Tests.Support.ProblemAssertions;

namespace GxProtocol.Backend.Tests.Verification;

/// <summary>
/// Verified sign-up and password reset against a real silo whose codes travel over SMTP: each test reads its code
/// from the message the test SMTP server received.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class SmtpSignUpTests(SmtpBackend backend) : IClassFixture<SmtpBackend>
{
    private const string Identity = "/identity/api/v1";
    private const string Password = "a long enough password";

    private static object Kyc => new { evidenceHash = new string('a', 64), evidenceSize = 2048, evidenceMime = "application/pdf" };

    [Fact]
    public async Task The_code_mailed_at_registration_confirms_the_address_and_only_then_KYC_is_accepted()
    {
        var (http, userId, email) = await RegisterAndLoginAsync();

        // Before the address is confirmed, KYC is refused and nothing changes.
        await AssertProblemAsync(await PostAsync(http, $"{Identity}/users/{userId}/kyc", Kyc), HttpStatusCode.Conflict, "email_not_verified");
        Assert.Equal("REGISTERED", (await GetJsonAsync(http, $"{Identity}/users/{userId}")).GetProperty("status").GetString());
        Assert.False((await GetJsonAsync(http, $"{Identity}/users/{userId}/verification")).GetProperty("emailVerified").GetBoolean());

        var mail = await backend.Smtp.WaitForAsync(email, "verification");
        Assert.Equal("no-reply@gx.test", mail.From);
        Assert.Contains("15 minutes", mail.Message.TextBody);

        var confirmed = await PostAsync(http, $"{Identity}/users/{userId}/email-verification/confirm", new { code = mail.Code });
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        Assert.True((await GetJsonAsync(http, $"{Identity}/users/{userId}/verification")).GetProperty("emailVerified").GetBoolean());

        var kyc = await PostAsync(http, $"{Identity}/users/{userId}/kyc", Kyc);
        Assert.True(kyc.StatusCode == HttpStatusCode.OK, await kyc.Content.ReadAsStringAsync());
        Assert.Equal("PENDING_ADMIN_APPROVAL", (await GetJsonAsync(http, $"{Identity}/users/{userId}")).GetProperty("status").GetString());

        // Single use: the same code again finds nothing waiting; a verified address takes no new code.
        await AssertProblemAsync(await PostAsync(http, $"{Identity}/users/{userId}/email-verification/confirm", new { code = mail.Code }),
            HttpStatusCode.Conflict, "code_not_pending");
        await AssertProblemAsync(await PostAsync(http, $"{Identity}/users/{userId}/email-verification"), HttpStatusCode.Conflict, "email_already_verified");
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_code_so_even_the_right_one_is_refused()
    {
        var (http, userId, email) = await RegisterAndLoginAsync();
        var right = (await backend.Smtp.WaitForAsync(email, "verification")).Code;
        var wrong = right == "000000" ? "111111" : "000000";
        var confirm = $"{Identity}/users/{userId}/email-verification/confirm";

        for (var left = 4; left >= 1; left--)
        {
            var refused = await AssertProblemAsync(await PostAsync(http, confirm, new { code = wrong }), HttpStatusCode.BadRequest, "invalid_code");
            Assert.Contains($"{left} tries left", FieldErrors(refused, "code")[0]);
        }
        await AssertProblemAsync(await PostAsync(http, confirm, new { code = wrong }), HttpStatusCode.Conflict, "code_locked");
        await AssertProblemAsync(await PostAsync(http, confirm, new { code = right }), HttpStatusCode.Conflict, "code_locked");

        await AssertProblemAsync(await PostAsync(http, $"{Identity}/users/{userId}/kyc", Kyc), HttpStatusCode.Conflict, "email_not_verified");
        Assert.False((await GetJsonAsync(http, $"{Identity}/users/{userId}/verification")).GetProperty("emailVerified").GetBoolean());
    }

    [Fact]
    public async Task A_resend_right_after_the_first_code_is_refused_with_Retry_After_and_sends_nothing()
    {
        var (http, userId, email) = await RegisterAndLoginAsync();
        await backend.Smtp.WaitForAsync(email, "verification");

        var resend = await PostAsync(http, $"{Identity}/users/{userId}/email-verification");

        await AssertProblemAsync(resend, HttpStatusCode.TooManyRequests, "too_many_codes");
        var retryAfter = resend.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("no Retry-After header");
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(1, backend.Smtp.CountTo(email));
    }

    [Fact]
    public async Task Malformed_codes_and_another_users_routes_are_refused_naming_the_field()
    {
        var (http, userId, _) = await RegisterAndLoginAsync();
        var (_, otherId, _) = await RegisterAndLoginAsync();

        var malformed = await AssertProblemAsync(await PostAsync(http, $"{Identity}/users/{userId}/email-verification/confirm", new { code = "12ab" }),
            HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotEmpty(FieldErrors(malformed, "code"));
        await AssertProblemAsync(await PostAsync(http, $"{Identity}/users/{otherId}/email-verification/confirm", new { code = "123456" }),
            HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(await PostAsync(http, $"{Identity}/users/{otherId}/email-verification"), HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(await http.GetAsync($"{Identity}/users/{otherId}/verification"), HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(await PostAsync(http, $"{Identity}/users/{userId}/phone-verification"), HttpStatusCode.Conflict, "no_phone_number");
    }

    [Fact]
    public async Task A_password_reset_by_mailed_code_sets_the_password_and_revokes_every_refresh_token()
    {
        var (http, userId, email) = await RegisterAndLoginAsync();
        var firstDevice = await RefreshTokenAsync(email, Password);
        var secondDevice = await RefreshTokenAsync(email, Password);

        using var anonymous = backend.Client();
        var requested = await anonymous.PostAsJsonAsync($"{Identity}/password-reset", new { email });
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var code = (await backend.Smtp.WaitForAsync(email, "password reset")).Code;
        var wrong = code == "000000" ? "111111" : "000000";
        const string newPassword = "another long enough password";

        await AssertProblemAsync(await anonymous.PostAsJsonAsync($"{Identity}/password-reset/confirm", new { email, code = wrong, newPassword }),
            HttpStatusCode.BadRequest, "invalid_code");
        var tooShort = await AssertProblemAsync(await anonymous.PostAsJsonAsync($"{Identity}/password-reset/confirm", new { email, code, newPassword = "short" }),
            HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotEmpty(FieldErrors(tooShort, "newPassword"));
        var reset = await anonymous.PostAsJsonAsync($"{Identity}/password-reset/confirm", new { email, code, newPassword });
        Assert.True(reset.StatusCode == HttpStatusCode.NoContent, await reset.Content.ReadAsStringAsync());

        foreach (var token in new[] { firstDevice, secondDevice })
        {
            await AssertProblemAsync(await anonymous.PostAsJsonAsync($"{Identity}/auth/refresh", new { refreshToken = token }),
                HttpStatusCode.Unauthorized, "invalid_refresh_token");
        }
        await AssertProblemAsync(await anonymous.PostAsJsonAsync($"{Identity}/auth/login", new { email, password = Password }),
            HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync($"{Identity}/auth/login", new { email, password = newPassword })).StatusCode);
        // The code is spent.
        await AssertProblemAsync(await anonymous.PostAsJsonAsync($"{Identity}/password-reset/confirm", new { email, code, newPassword = "yet another password" }),
            HttpStatusCode.BadRequest, "invalid_code");
        Assert.NotEqual(Guid.Empty, userId);
    }

    [Fact]
    public async Task A_reset_for_an_unknown_address_answers_exactly_as_for_a_known_one_and_mails_nobody()
    {
        var (_, _, known) = await RegisterAndLoginAsync();
        var unknown = $"{Guid.NewGuid():N}@nobody.test";
        using var anonymous = backend.Client();

        var forUnknown = await anonymous.PostAsJsonAsync($"{Identity}/password-reset", new { email = unknown });
        var forKnown = await anonymous.PostAsJsonAsync($"{Identity}/password-reset", new { email = known });

        Assert.Equal(HttpStatusCode.Accepted, forUnknown.StatusCode);
        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(await forKnown.Content.ReadAsStringAsync(), await forUnknown.Content.ReadAsStringAsync());
        Assert.Equal(forKnown.Content.Headers.ContentType?.ToString(), forUnknown.Content.Headers.ContentType?.ToString());
        await backend.Smtp.WaitForAsync(known, "password reset");
        Assert.Equal(0, backend.Smtp.CountTo(unknown));

        // Confirming answers alike too: a wrong code for a known address, any code for an unknown one.
        var unknownConfirm = await AssertProblemAsync(await anonymous.PostAsJsonAsync($"{Identity}/password-reset/confirm",
            new { email = unknown, code = "123456", newPassword = "whatever password" }), HttpStatusCode.BadRequest, "invalid_code");
        var knownCode = (await backend.Smtp.WaitForAsync(known, "password reset")).Code;
        var knownConfirm = await AssertProblemAsync(await anonymous.PostAsJsonAsync($"{Identity}/password-reset/confirm",
            new { email = known, code = knownCode == "123456" ? "654321" : "123456", newPassword = "whatever password" }), HttpStatusCode.BadRequest, "invalid_code");
        Assert.Equal(knownConfirm.GetProperty("detail").GetString(), unknownConfirm.GetProperty("detail").GetString());
        Assert.Equal(knownConfirm.GetProperty("errors").ToString(), unknownConfirm.GetProperty("errors").ToString());
    }

    private async Task<(HttpClient Http, Guid UserId, string Email)> RegisterAndLoginAsync()
    {
        var email = $"{Guid.NewGuid():N}@smtp.test";
        var http = backend.Client();
        var registered = await PostAsync(http, $"{Identity}/users", new
        {
            email,
            password = Password,
            firstName = "Mail",
            lastName = "Tester",
            nationalityCountryCode = "MY",
            dateOfBirth = "1990-04-01",
        });
        var body = await registered.Content.ReadAsStringAsync();
        Assert.True(registered.StatusCode == HttpStatusCode.Created, body);
        var login = await http.PostAsJsonAsync($"{Identity}/auth/login", new { email, password = Password });
        var session = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement;
        Assert.True(login.StatusCode == HttpStatusCode.OK, session.ToString());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.GetProperty("accessToken").GetString());
        return (http, Guid.Parse(JsonDocument.Parse(body).RootElement.GetProperty("userId").GetString()!), email);
    }

    private async Task<string> RefreshTokenAsync(string email, string password)
    {
        using var anonymous = backend.Client();
        var login = await anonymous.PostAsJsonAsync($"{Identity}/auth/login", new { email, password });
        var json = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement;
        Assert.True(login.StatusCode == HttpStatusCode.OK, json.ToString());
        return json.GetProperty("refreshToken").GetString()!;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.Add("X-Idempotency-Key", $"test-{Guid.NewGuid():N}");
        return http.SendAsync(request);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
