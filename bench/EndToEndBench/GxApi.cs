using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GxProtocol.EndToEndBench;

/// <summary>A sender with its own recipient: the token and the transfer body are prepared once.</summary>
public sealed record BenchUser(Guid Id, string Token);

public sealed record SenderPair(BenchUser Sender, BenchUser Recipient, byte[] TransferBody);

/// <summary>
/// The set-up a new user would do with curl (README "The journey, with curl"): admin login, bootstrap, countries,
/// then users that register, log in, confirm their address with the mailed code, submit KYC and are approved. Everything over the silo's HTTP API.
/// </summary>
public sealed class GxApi(HttpClient client, string baseUrl)
{
    public const string Password = "bench password 1";
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public string BaseUrl { get; } = baseUrl.TrimEnd('/');

    /// <summary>Where the silo mails verification codes (its development mailbox).</summary>
    public BenchMailbox? Mailbox { get; init; }

    public async Task<string> LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Post, "/identity/api/v1/auth/login", new { email, password }, null, null, cancellationToken);
        Require(answer, "login " + email, HttpStatusCode.OK);
        return answer.Body!["accessToken"]!.GetValue<string>();
    }

    public async Task<Answer> SendAsync(HttpMethod method, string path, object? body, string? token, int? waitSeconds, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, BaseUrl + path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
            request.Content.Headers.ContentType = Json;
        }
        if (method == HttpMethod.Post)
        {
            request.Headers.Add("X-Idempotency-Key", Guid.NewGuid().ToString("N"));
        }
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (waitSeconds is { } wait)
        {
            request.Headers.Add("Prefer", $"wait={wait}");
        }
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? parsed = null;
        try
        {
            parsed = text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        catch (JsonException)
        {
            // Not JSON: the text goes into any error message.
        }
        return new Answer(response.StatusCode, parsed, text);
    }

    public static void Require(Answer answer, string what, params HttpStatusCode[] expected)
    {
        if (!expected.Contains(answer.Status))
        {
            throw new InvalidOperationException($"{what}: HTTP {(int)answer.Status} {answer.Text}");
        }
    }

    /// <summary>Bootstraps the system and one country, as the super admin; returns the admin token.</summary>
    public async Task<string> BootstrapAsync(string adminEmail, string adminPassword, CancellationToken cancellationToken)
    {
        var admin = await LoginAsync(adminEmail, adminPassword, cancellationToken);
        var bootstrap = await SendAsync(HttpMethod.Post, "/admin/api/v1/bootstrap", null, admin, 30, cancellationToken);
        RequireCommitted(bootstrap, "bootstrap");
        var countries = await SendAsync(HttpMethod.Post, "/admin/api/v1/countries/initialize",
            new[] { new { code = "MY", name = "Malaysia", percentage = 100 } }, admin, 30, cancellationToken);
        RequireCommitted(countries, "countries/initialize");
        return admin;
    }

    private static void RequireCommitted(Answer answer, string what)
    {
        Require(answer, what, HttpStatusCode.OK);
        var status = answer.Body?["status"]?.GetValue<string>();
        if (status != "COMMITTED")
        {
            throw new InvalidOperationException($"{what}: expected COMMITTED, got {answer.Text}");
        }
    }

    /// <summary>Register, log in, KYC, approve (waiting for the commit): an ACTIVE user with the genesis coins.</summary>
    public async Task<BenchUser> CreateActiveUserAsync(string adminToken, string email, CancellationToken cancellationToken)
    {
        var register = await SendAsync(HttpMethod.Post, "/identity/api/v1/users", new
        {
            email,
            password = Password,
            firstName = "Bench",
            lastName = "User",
            nationalityCountryCode = "MY",
            dateOfBirth = "1990-04-01",
        }, null, null, cancellationToken);
        Require(register, "register " + email, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Accepted);
        var id = Guid.Parse(register.Body!["userId"]!.GetValue<string>());
        var token = await LoginAsync(email, Password, cancellationToken);
        var mailbox = Mailbox ?? throw new InvalidOperationException("KYC needs a confirmed address: set GxApi.Mailbox to the silo's mail directory");
        var confirm = await SendAsync(HttpMethod.Post, $"/identity/api/v1/users/{id}/email-verification/confirm",
            new { code = await mailbox.CodeForAsync(email, cancellationToken) }, token, null, cancellationToken);
        Require(confirm, "email verification " + email, HttpStatusCode.OK);
        var kyc = await SendAsync(HttpMethod.Post, $"/identity/api/v1/users/{id}/kyc", new
        {
            evidenceHash = new string('a', 64),
            evidenceSize = 2048,
            evidenceMime = "application/pdf",
        }, token, null, cancellationToken);
        Require(kyc, "kyc " + email, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Accepted);
        var approve = await SendAsync(HttpMethod.Post, $"/admin/api/v1/users/{id}/approve", null, adminToken, 30, cancellationToken);
        RequireCommitted(approve, "approve " + email);
        return new BenchUser(id, token);
    }

    /// <summary>Pairs of (sender, own recipient), created <paramref name="parallel"/> users at a time.</summary>
    public async Task<IReadOnlyList<SenderPair>> CreatePairsAsync(string adminToken, int pairs, int parallel, string runTag, CancellationToken cancellationToken)
    {
        var users = new BenchUser[pairs * 2];
        await Parallel.ForEachAsync(Enumerable.Range(0, users.Length), new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (index, token) => users[index] = await CreateActiveUserAsync(adminToken, $"bench-{runTag}-{index}@example.org", token));
        return Enumerable.Range(0, pairs).Select(i =>
        {
            var recipient = users[pairs + i];
            var body = JsonSerializer.SerializeToUtf8Bytes(new { toUserId = recipient.Id, amount = "0.001" });
            return new SenderPair(users[i], recipient, body);
        }).ToList();
    }

    /// <summary>Waits until a user's wallet shows a positive available balance (the genesis is on the ledger and applied).</summary>
    public async Task WaitForBalanceAsync(BenchUser user, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            var answer = await SendAsync(HttpMethod.Get, $"/tokenomics/api/v1/wallets/{user.Id}/balance", null, user.Token, null, cancellationToken);
            last = answer.Text;
            if (answer.Status == HttpStatusCode.OK && decimal.TryParse(answer.Body?["available"]?.GetValue<string>(),
                    System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var available) && available > 1)
            {
                return;
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"wallet {user.Id} had no available balance after {timeout.TotalSeconds:0} s; last answer {last}");
    }

    public static HttpRequestMessage TransferRequest(string baseUrl, SenderPair pair)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/tokenomics/api/v1/transfers")
        {
            Content = new ByteArrayContent(pair.TransferBody),
        };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pair.Sender.Token);
        request.Headers.Add("X-Idempotency-Key", Guid.NewGuid().ToString("N"));
        return request;
    }

    public sealed record Answer(HttpStatusCode Status, JsonNode? Body, string Text);
}
