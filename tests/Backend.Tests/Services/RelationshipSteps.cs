using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>Relationship steps as users take them over HTTP, for the relationship, trust score and loan suites.</summary>
internal static class RelationshipSteps
{
    public const string Relationships = "/identity/api/v1/relationships";

    public static string TrustScorePath(string userId) => $"/identity/api/v1/users/{userId}/trust-score";

    /// <summary><paramref name="from"/> asks, <paramref name="to"/> confirms; returns the confirmed link.</summary>
    public static async Task<ApiResponse> LinkAsync(RegisteredUser from, RegisteredUser to, string type)
    {
        var created = await from.Client.PostAsync(Relationships, new { toUserId = to.UserId, type });
        Assert.True(created.Status == HttpStatusCode.Created, $"relationship {type}: {created}");
        var confirmed = await to.Client.PostAsync($"{Relationships}/{created["relationshipId"]}/confirm");
        Assert.True(confirmed.Status == HttpStatusCode.OK && confirmed["status"] == "CONFIRMED", $"confirm {type}: {confirmed}");
        return confirmed;
    }

    public static async Task<int> TrustScoreAsync(RegisteredUser user)
    {
        var score = await user.Client.GetAsync(TrustScorePath(user.UserId));
        Assert.True(score.Status == HttpStatusCode.OK, $"trust score: {score}");
        return int.Parse(score["score"]);
    }
}
