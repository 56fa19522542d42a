using System.Text.Json;
using System.Text.Json.Nodes;
using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Ledger;
using GxProtocol.Grains.System;
using Orleans.BroadcastChannel;

namespace GxProtocol.Backend.Tests.Grains;

/// <summary>
/// The routing by declared parties sends every event to exactly the channels the former routing by JSON field names
/// did (kept here, frozen, as the reference), for payloads whose ids are users, organizations or system accounts.
/// </summary>
public sealed class RoutingEquivalenceTests
{
    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in LedgerEventTypes.ByName.Keys)
        {
            foreach (var shape in new[] { "users", "organizations", "system", "empty" })
            {
                data.Add(name, shape);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Declared_parties_route_like_the_former_field_names(string eventName, string shape)
    {
        var payload = SamplePayload(LedgerEventTypes.ByName[eventName], shape);
        var envelope = new LedgerEventEnvelope(new LedgerPosition(1, 0), "tx-1", eventName, payload, DateTimeOffset.UnixEpoch);

        var expected = FieldNameRouting.ChannelsFor(envelope);
        var actual = LedgerEventRouting.ChannelsFor(envelope);

        Assert.True(expected.ToHashSet().SetEquals(actual) && expected.Count == actual.Count,
            $"{eventName} ({shape}): field names gave [{string.Join(", ", expected)}], declared parties gave [{string.Join(", ", actual)}]; payload {System.Text.Encoding.UTF8.GetString(payload)}");
        Assert.True(actual.Count > 1 || shape != "users" || eventName == nameof(BlindCreditsFolded),
            $"{eventName} ({shape}) reached no grain: the sample does not exercise its parties.");
    }

    /// <summary>
    /// The event's JSON with every string a fresh id of the shape asked for (a user's GUID, an organization id, a
    /// pool or treasury), every list of balances holding one account of each kind, and numbers, dates and flags set.
    /// </summary>
    private static byte[] SamplePayload(Type eventType, string shape)
    {
        var json = new JsonObject();
        if (shape == "empty")
        {
            return JsonSerializer.SerializeToUtf8Bytes(json);
        }
        var counter = 0;
        string NextId() => shape switch
        {
            "users" => Guid.NewGuid().ToString(),
            "organizations" => $"org-{++counter}",
            _ => ++counter % 2 == 0 ? GxSupply.TreasuryAccount("US") : GxSupply.LoanPool,
        };
        var constructor = eventType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        foreach (var parameter in constructor.GetParameters())
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            JsonNode? value = type switch
            {
                _ when type == typeof(string) => NextId(),
                _ when type == typeof(long) || type == typeof(int) || type == typeof(decimal) => 1,
                _ when type == typeof(bool) => true,
                _ when type == typeof(DateTimeOffset) => "2026-01-01T00:00:00+00:00",
                _ when type == typeof(IReadOnlyList<AccountBalance>) => new JsonArray(
                    Balance(Guid.NewGuid().ToString()), Balance($"org-balance-{++counter}"), Balance(GxSupply.TreasuryAccount("FR"))),
                _ when type == typeof(IReadOnlyList<string>) => new JsonArray(NextId(), NextId()),
                _ => null,
            };
            if (value is not null)
            {
                json[name] = value;
            }
        }
        return JsonSerializer.SerializeToUtf8Bytes(json);
    }

    private static JsonObject Balance(string account) => new() { ["account"] = account, ["balance"] = 5 };

    /// <summary>The former routing by JSON field names, verbatim, as the reference.</summary>
    private static class FieldNameRouting
    {
        private static readonly string[] UserFields = ["userId", "from", "to", "borrowerId", "voterId", "initiatorId", "approverId", "stakeholderId", "adminId"];

        private static readonly (string Field, string Channel)[] EntityFields =
        [
            ("loanId", LedgerChannels.Loans),
            ("proposalId", LedgerChannels.Proposals),
        ];

        private static readonly Dictionary<string, string[]> TaxPayerFields = new()
        {
            [nameof(TransferWithFeesCompleted)] = ["from", "to"],
            [nameof(MultiSigTxInitiated)] = ["orgId", "to"],
            [nameof(MultiSigTxExecuted)] = ["orgId", "to"],
            [nameof(VelocityTaxApplied)] = ["accountId"],
            [nameof(LoanRepaid)] = ["borrowerId"],
        };

        public static IReadOnlyList<ChannelId> ChannelsFor(LedgerEventEnvelope ledgerEvent)
        {
            var channels = new List<ChannelId> { ChannelId.Create(LedgerChannels.ReadModels, LedgerChannels.SingletonKey) };
            if (SystemLedgerEvents.Handled.Contains(ledgerEvent.EventName))
            {
                channels.Add(ChannelId.Create(LedgerChannels.System, GxProtocol.Grains.Interfaces.System.ISystemGrain.Key));
            }
            using var document = JsonDocument.Parse(ledgerEvent.Payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                AddNamedParties(document.RootElement, ledgerEvent.EventName, channels);
            }
            return channels;
        }

        private static void AddNamedParties(JsonElement payload, string eventName, List<ChannelId> channels)
        {
            var users = new HashSet<Guid>();
            var organizations = new HashSet<string>();
            foreach (var field in UserFields)
            {
                if (Guid.TryParse(StringField(payload, field), out var id))
                {
                    users.Add(id);
                }
            }
            if (payload.TryGetProperty("balances", out var balances) && balances.ValueKind == JsonValueKind.Array)
            {
                foreach (var balance in balances.EnumerateArray())
                {
                    var account = balance.ValueKind == JsonValueKind.Object ? StringField(balance, "account") : null;
                    if (Guid.TryParse(account, out var id))
                    {
                        users.Add(id);
                    }
                    else if (account is { Length: > 0 } && !GxSupply.IsSystemAccount(account))
                    {
                        organizations.Add(account);
                    }
                }
            }
            channels.AddRange(users.Select(id => ChannelId.Create(LedgerChannels.Users, id)));
            if (StringField(payload, "orgId") is { Length: > 0 } orgId)
            {
                organizations.Add(orgId);
            }
            channels.AddRange(organizations.Select(id => ChannelId.Create(LedgerChannels.Organizations, id)));
            foreach (var (field, channel) in EntityFields)
            {
                if (StringField(payload, field) is { Length: > 0 } key)
                {
                    channels.Add(ChannelId.Create(channel, key));
                }
            }
            if (TaxPayerFields.TryGetValue(eventName, out var payerFields))
            {
                foreach (var account in payerFields.Select(f => StringField(payload, f)).OfType<string>().Where(a => a.Length > 0).Distinct())
                {
                    channels.Add(ChannelId.Create(LedgerChannels.TaxAccounts, account));
                }
            }
        }

        private static string? StringField(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
