using System.Text;
using System.Text.Json;
using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode;

namespace GxProtocol.Ledger.Tests.Chaincode;

/// <summary>
/// Runs GX chaincode transactions against a <see cref="FakeWorldState"/> with sequential transaction ids and a
/// controllable clock, and offers the common set-up steps (bootstrap, countries, users).
/// </summary>
public sealed class ChaincodeHarness
{
    public const long Coin = GxChaincode.QiratPerCoin;
    public static readonly DateTimeOffset Genesis = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly GxContractChaincode _chaincode = new();
    private int _sequence;

    public FakeWorldState World { get; } = new();
    public DateTimeOffset Now { get; set; } = Genesis;
    public string Role { get; set; } = CallerRoles.SuperAdmin;
    public FakeChaincodeStub? LastStub { get; private set; }

    public ChaincodeResponse Invoke(string function, params string[] args) =>
        InvokeAs($"tx-{++_sequence:D6}", function, args);

    public ChaincodeResponse InvokeAs(string transactionId, string function, params string[] args)
    {
        var stub = World.Begin(transactionId, Now, Role);
        var response = _chaincode.Invoke(stub, function, args);
        LastStub = stub;
        if (response.IsSuccess)
        {
            World.Apply(stub);
        }

        return response;
    }

    /// <summary>Invokes and asserts success with exactly one event (for submits) and returns the payload.</summary>
    public T Submit<T>(string function, params string[] args)
    {
        var response = Invoke(function, args);
        Assert.True(response.IsSuccess, $"{function} refused: {response.Status} {response.Message}");
        var single = Assert.Single(LastStub!.Events);
        Assert.Equal(typeof(T).Name, single.Name);
        return LedgerEventJson.Deserialize<T>(single.Payload);
    }

    public T Evaluate<T>(string function, params string[] args)
    {
        var response = Invoke(function, args);
        Assert.True(response.IsSuccess, $"{function} refused: {response.Status} {response.Message}");
        Assert.Empty(LastStub!.Events);
        Assert.Empty(LastStub.Writes);
        return LedgerEventJson.Deserialize<T>(response.Payload);
    }

    public ChaincodeResponse Refused(int expectedStatus, string function, params string[] args)
    {
        var response = Invoke(function, args);
        Assert.False(response.IsSuccess, $"{function} should have been refused.");
        Assert.Equal(expectedStatus, response.Status);
        Assert.False(string.IsNullOrWhiteSpace(response.Message));
        return response;
    }

    public ChaincodeHarness Bootstrapped(params (string Code, decimal Percentage)[] countries)
    {
        Submit<SystemBootstrapped>(GxChaincode.Admin.BootstrapSystem);
        var list = countries.Length > 0 ? countries : [("US", 10m), ("NG", 5m)];
        InitializeCountries(list);
        return this;
    }

    public CountryDataInitialized InitializeCountries(params (string Code, decimal Percentage)[] countries) =>
        Submit<CountryDataInitialized>(GxChaincode.Admin.InitializeCountryData,
            JsonSerializer.Serialize(countries.Select(c => new { code = c.Code, name = "Country " + c.Code, percentage = c.Percentage })));

    public UserCreated CreateUser(string userId, string nationality = "US", int age = 30) =>
        Submit<UserCreated>(GxChaincode.Identity.CreateUser, userId, nationality, age.ToString());

    public long Balance(string account) =>
        Evaluate<BalanceQueryResult>(GxChaincode.Tokenomics.GetBalance, account).Balance;

    /// <summary>
    /// Sum of every account balance in world state (wallets, pools, treasuries) plus every blind credit
    /// (<c>credit:{account}:{txId}</c>), which is part of its account's balance without being in its stored base.
    /// </summary>
    public long SumOfBalances() =>
        World.State
            .Where(entry => entry.Key.StartsWith("wallet:") || entry.Key.StartsWith("pool:") || entry.Key.StartsWith("treasury:"))
            .Sum(entry => JsonDocument.Parse(entry.Value).RootElement.GetProperty("balance").GetInt64())
        + CreditKeys().Sum(entry => JsonDocument.Parse(entry.Value).RootElement.GetProperty("amount").GetInt64());

    /// <summary>The blind-credit keys in world state, with their documents.</summary>
    public IEnumerable<KeyValuePair<string, byte[]>> CreditKeys() =>
        World.State.Where(entry => entry.Key.StartsWith("credit:", StringComparison.Ordinal));

    public static string Qirat(long amount) => amount.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Text(byte[] payload) => Encoding.UTF8.GetString(payload);
}
