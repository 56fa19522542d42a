using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Verification;

namespace GxProtocol.Grains.Users;

/// <summary>What the user's verified contacts decide here: KYC waits for a confirmed e-mail address; a reset sets the password.</summary>
public sealed partial class UserGrain
{
    public async Task ResetPasswordAsync(string newPasswordHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(newPasswordHash);
        if (State.Profile is null)
        {
            throw DomainRuleException.NotFound("User");
        }
        State.PasswordHash = newPasswordHash;
        // Whoever held a session may be the reason for the reset: none survives it.
        State.RefreshSessions.Clear();
        await state.WriteStateAsync();
    }

    private async Task RequireVerifiedEmailAsync()
    {
        if (!(await GrainFactory.GetGrain<IAccountVerificationGrain>(UserId).GetStatusAsync()).EmailVerified)
        {
            throw DomainRuleException.Conflict("email_not_verified",
                "Confirm your e-mail address with the code sent to it (POST /identity/api/v1/users/{id}/email-verification/confirm) before submitting KYC.");
        }
    }
}
