using GxProtocol.Grains.Interfaces.Commands;
using Orleans.Concurrency;

namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>A person: profile, credentials, KYC, status and wallet. Keyed by user id.</summary>
[Alias("gx.IUserGrain")]
public interface IUserGrain : IGrainWithGuidKey, ICommandOrigin
{
    [Alias("Register")] Task<UserProfile> RegisterAsync(RegisterUser registration);
    /// <summary>Interleaves: a transfer between two users reads each other's profile, which would deadlock otherwise.</summary>
    [Alias("GetProfile"), AlwaysInterleave] Task<UserProfile?> GetProfileAsync();
    [Alias("UpdateProfile")] Task<UserProfile> UpdateProfileAsync(ProfileChanges changes);
    [Alias("GetCredentials")] Task<UserCredentials?> GetCredentialsAsync();
    /// <summary>
    /// Replaces the stored password hash by a stronger hash of the same password, only while the stored hash is still
    /// <paramref name="currentHash"/>: a password changed meanwhile is never overwritten by an older one.
    /// </summary>
    [Alias("UpgradePasswordHash")] Task<bool> UpgradePasswordHashAsync(string currentHash, string upgradedHash);
    /// <summary>Sets a new password after a verified reset (AccountVerificationGrain) and revokes every refresh token.</summary>
    [Alias("ResetPassword")] Task ResetPasswordAsync(string newPasswordHash);

    [Alias("SubmitKyc")] Task<KycView> SubmitKycAsync(KycSubmission submission);
    [Alias("GetKyc")] Task<KycView> GetKycAsync();

    /// <summary>An admin approves the user: records the CreateUser command that registers them on chain.</summary>
    [Alias("Approve")] Task<CommandAccepted> ApproveAsync(Guid adminId, Guid commandId);
    /// <summary>An admin denies the user; the audit log of the deny route records which admin (no ledger command, no command row).</summary>
    [Alias("Deny")] Task<UserProfile> DenyAsync(string reason);

    [Alias("GetWallet"), AlwaysInterleave] Task<WalletView> GetWalletAsync();
    [Alias("Transfer")] Task<CommandAccepted> TransferAsync(TransferRequest transfer);

    /// <summary>
    /// Starts a session family with a refresh token's hash; no rotation carries it past <paramref name="sessionExpiresAt"/>.
    /// The oldest sessions are dropped past a small limit.
    /// </summary>
    [Alias("StoreRefreshToken")] Task StoreRefreshTokenAsync(string tokenHash, DateTimeOffset expiresAt, DateTimeOffset sessionExpiresAt);

    /// <summary>
    /// Replaces a live refresh token by a new one of the same family; false when the old one is unknown, expired or
    /// revoked, or the user is frozen or denied. Presenting a token already rotated revokes its whole family.
    /// </summary>
    [Alias("RotateRefreshToken")] Task<bool> RotateRefreshTokenAsync(string oldTokenHash, string newTokenHash, DateTimeOffset expiresAt);
    [Alias("RevokeRefreshToken")] Task RevokeRefreshTokenAsync(string tokenHash);

    /// <summary>Logout everywhere: every refresh token of the user stops working.</summary>
    [Alias("RevokeAllRefreshTokens")] Task RevokeAllRefreshTokensAsync();

    /// <summary>The live sessions (refresh-token families), most recently used first; rotated-away tokens are not sessions.</summary>
    [Alias("ListSessions")] Task<IReadOnlyList<SessionView>> ListSessionsAsync();

    /// <summary>Ends one session: every token of its family stops working. False when no live session has that id.</summary>
    [Alias("RevokeSession")] Task<bool> RevokeSessionAsync(Guid sessionId);

    /// <summary>A super admin pays the genesis the user did not get at registration; once per user.</summary>
    [Alias("DistributeGenesis")] Task<CommandAccepted> DistributeGenesisAsync(Guid superAdminId, Guid commandId);
    [Alias("FreezeWallet")] Task<CommandAccepted> FreezeWalletAsync(Guid adminId, Guid commandId, string reason);
    [Alias("UnfreezeWallet")] Task<CommandAccepted> UnfreezeWalletAsync(Guid adminId, Guid commandId);

    /// <summary>The off-chain trust score with its parts; read-only, so it interleaves like the profile.</summary>
    [Alias("GetTrustScore"), AlwaysInterleave] Task<TrustScoreView> GetTrustScoreAsync();
    /// <summary>Keeps a confirmed relationship of this user (both users keep it); repeating it changes nothing.</summary>
    [Alias("RecordRelationship")] Task RecordRelationshipAsync(ConfirmedRelationship relationship);

    /// <summary>
    /// Checks the per-borrower loan rules (GxRules.CheckLoanApplication with this user's trust score, open loans and
    /// outstanding amount) and counts the application as open at once; returns the trust score the ledger is given.
    /// </summary>
    [Alias("ReserveLoan")] Task<int> ReserveLoanAsync(Guid loanId, long amountQirat);
    /// <summary>Forgets an application the ledger refused.</summary>
    [Alias("ReleaseLoan")] Task ReleaseLoanAsync(Guid loanId);
    /// <summary>Holds a repayment from the available balance until its LoanRepaid arrives (422 when not available).</summary>
    [Alias("HoldRepayment")] Task HoldRepaymentAsync(Guid loanId, Guid commandId, long amountQirat);
    /// <summary>Releases the hold of a repayment the ledger refused.</summary>
    [Alias("ReleaseRepayment")] Task ReleaseRepaymentAsync(Guid commandId);
}
