namespace GxProtocol.Backend.Tests.OpenApi;

/// <summary>
/// The routes API.md promises per service, as "METHOD /route" under /&lt;service&gt;/api/v1. The document tests
/// require every one of them to be served and documented.
/// </summary>
public static class PromisedRoutes
{
    public static readonly IReadOnlyDictionary<string, string[]> ByService = new Dictionary<string, string[]>
    {
        ["identity"] =
        [
            "POST /users", "POST /auth/login", "POST /auth/refresh", "POST /auth/logout", "GET /users/{id}", "PATCH /users/{id}",
            "POST /users/{id}/kyc", "GET /users/{id}/kyc", "POST /relationships", "POST /relationships/{id}/confirm",
            "GET /users/{id}/trust-score", "GET /commands/{commandId}",
            // Issue 13: relationships complete, the original's command status.
            "GET /relationships", "GET /relationships/{id}", "POST /relationships/{id}/reject", "GET /relationships/trust-score",
            "GET /commands/{commandId}/status",
            // Issue 13: the inbox.
            "GET /notifications", "GET /notifications/unread-count", "PATCH /notifications/{id}/read", "PATCH /notifications/read-all",
            "GET /notifications/stream",
            // Issue 13: verified sign-up and account recovery.
            "GET /users/{id}/verification", "POST /users/{id}/email-verification", "POST /users/{id}/email-verification/confirm",
            "POST /users/{id}/phone-verification", "POST /users/{id}/phone-verification/confirm", "POST /password-reset",
            "POST /password-reset/confirm",
            // Issue 14: KYC documents.
            "POST /users/{id}/documents", "GET /users/{id}/documents", "POST /documents/{id}/link", "GET /documents/{id}/content",
            "DELETE /documents/{id}",
        ],
        ["admin"] =
        [
            "POST /bootstrap", "POST /countries/initialize", "GET /countries", "GET /countries/{cc}/stats", "POST /users/{id}/approve",
            "POST /users/{id}/deny", "POST /parameters", "GET /parameters/{paramId}", "POST /system/pause", "POST /system/resume",
            "GET /system/status", "POST /admins", "POST /treasury/activate", "GET /counters", "GET /outbox",
            "POST /outbox/{commandId}/retry", "POST /outbox/{commandId}/cancel", "GET /cluster",
            // Issue 13: user administration and the audit log.
            "GET /users", "GET /users/{id}", "GET /audit",
        ],
        ["tokenomics"] =
        [
            "POST /transfers", "POST /genesis", "GET /wallets/{profileId}/balance", "GET /wallets/{profileId}/transactions",
            "GET /treasury/{countryCode}/balance", "POST /wallets/{profileId}/freeze", "POST /wallets/{profileId}/unfreeze",
            // Issue 14: QR payment requests.
            "POST /payment-requests", "GET /payment-requests", "GET /payment-requests/{code}", "GET /payment-requests/{code}/qr.png",
            "POST /payment-requests/{code}/pay", "POST /payment-requests/{code}/cancel",
        ],
        ["organization"] =
        [
            "POST /organizations", "GET /organizations/{orgId}", "POST /organizations/{orgId}/endorse", "POST /organizations/{orgId}/activate",
            "POST /organizations/{orgId}/rules", "POST /organizations/{orgId}/transactions", "GET /organizations/{orgId}/transactions/pending",
            "POST /transactions/{pendingTxId}/approve", "POST /transactions/{pendingTxId}/cancel",
        ],
        ["loanpool"] =
        [
            "POST /loans", "GET /loans/{loanId}", "POST /loans/{loanId}/approve", "POST /loans/{loanId}/reject",
            "POST /loans/{loanId}/repayments", "GET /users/{borrowerId}/loans",
        ],
        ["governance"] = ["POST /proposals", "GET /proposals", "GET /proposals/{id}", "POST /proposals/{id}/vote", "POST /proposals/{id}/execute"],
        ["tax"] = ["POST /fees/calculate", "GET /velocity-tax/eligibility/{accountId}", "POST /velocity-tax/apply", "GET /accounts/{accountId}"],
    };

    public static IEnumerable<(string Method, string Path)> Of(string service) =>
        ByService[service].Select(route => route.Split(' ', 2)).Select(parts => (parts[0], $"/{service}/api/v1{parts[1]}"));
}
