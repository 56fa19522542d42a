using System.Globalization;
using GxProtocol.ApiFrontends.Domain.Money;
using GxProtocol.ApiFrontends.Identity;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GxProtocol.ApiFrontends.Admin;

/// <summary>User administration from the read models: find users by status or by name, see one user whole.</summary>
public static partial class AdminApi
{
    private const int MaxSearchLength = 100;

    private static void MapUserRoutes(RouteGroupBuilder admin)
    {
        admin.MapGet("/users", ListUsersAsync)
            .WithSummary("List users, newest first, by status and/or a search in e-mail and name");
        admin.MapGet("/users/{id:guid}", GetUserDetailAsync)
            .WithSummary("A user's profile, KYC, status history, wallet and trust score");
    }

    private static async Task<Results<Ok<UserListPage>, ProblemHttpResult>> ListUsersAsync(
        string? status, string? search, string? cursor, int? limit, IGrainFactory grains)
    {
        var normalizedStatus = status?.Trim().ToUpperInvariant();
        var normalizedSearch = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        if (new RequestValidator()
                .Must(normalizedStatus is null || UserStatusNames.All.Contains(normalizedStatus), "status", $"must be one of {string.Join(", ", UserStatusNames.All)}.")
                .Must(normalizedSearch is null || normalizedSearch.Length <= MaxSearchLength, "search", $"must be at most {MaxSearchLength} characters.")
                .PageLimit("limit", limit)
                .Must(cursor is null || long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out _), "cursor", "is not a cursor this API returned.")
                .HasProblem(out var problem))
        {
            return problem;
        }
        var page = await grains.GetGrain<IUserListGrain>(0).ListAsync(new UserListQuery(normalizedStatus, normalizedSearch, cursor, limit ?? 20));
        return TypedResults.Ok(new UserListPage(page.Items.Select(UserListItem.From).ToList(), page.NextCursor));
    }

    private static async Task<Results<Ok<AdminUserDetailResponse>, ProblemHttpResult>> GetUserDetailAsync(Guid id, IGrainFactory grains)
    {
        var user = grains.GetGrain<IUserGrain>(id);
        if (await user.GetProfileAsync() is not { } profile)
        {
            return GxProblems.NotFound("User");
        }
        var history = await grains.GetGrain<IUserListGrain>(0).GetStatusHistoryAsync(id);
        var wallet = await user.GetWalletAsync();
        return TypedResults.Ok(new AdminUserDetailResponse(
            UserResponse.From(profile) with { Status = UserStatusNames.Of(profile.Status, wallet.Frozen) },
            await user.GetKycAsync(),
            history,
            new WalletSummary(CoinFormat.ToCoins(wallet.Balance), CoinFormat.ToCoins(wallet.PendingHolds), CoinFormat.ToCoins(wallet.Available), wallet.Frozen),
            TrustScoreResponse.From(await user.GetTrustScoreAsync())));
    }
}
