using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Http;

namespace GxProtocol.Backend.Tests.ApiInfrastructure;

/// <summary>A retried request keeps its command id; the same key reused for other content gets another one.</summary>
public sealed class CommandIdTests
{
    private static Guid IdOf(string key, string fingerprint) => CommandIds.For(Request(key), fingerprint);

    private static HttpContext Request(string key)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/tax/api/v1/velocity-tax/apply";
        context.Request.Headers[IdempotencyHeaders.Key] = key;
        return context;
    }

    [Fact]
    public void The_same_key_and_content_give_the_same_command_id()
    {
        Assert.Equal(IdOf("key-0123456789abcdef", "body-a"), IdOf("key-0123456789abcdef", "body-a"));
    }

    [Fact]
    public void A_key_reused_for_other_content_gives_another_command_id()
    {
        Assert.NotEqual(IdOf("key-0123456789abcdef", "body-a"), IdOf("key-0123456789abcdef", "body-b"));
        Assert.NotEqual(IdOf("key-0123456789abcdef", "body-a"), IdOf("key-fedcba9876543210", "body-a"));
    }
}
