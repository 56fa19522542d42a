using System.Text.Json;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Json;
using GxProtocol.Grains.Interfaces.Commands;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GxProtocol.Backend.Tests.ApiInfrastructure;

public sealed class PreferWaitTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("wait=5", 5)]
    [InlineData("WAIT=0", 0)]
    [InlineData("respond-async, wait=10", 10)]
    [InlineData("wait=30", 30)]
    [InlineData("wait=31", 30)]
    [InlineData("wait=99999999999999999999", 30)]
    [InlineData("wait=\"7\"", 7)]
    [InlineData("wait = 4", 4)]
    [InlineData("wait=-1", null)]
    [InlineData("wait=abc", null)]
    [InlineData("wait=", null)]
    [InlineData("wait=1.5", null)]
    [InlineData("return=minimal", null)]
    [InlineData("wait=3; foo=bar", 3)]
    public void Parses_the_wait_preference(string? header, int? seconds)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers["Prefer"] = header;
        }
        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), PreferWait.Parse(context.Request));
    }

    [Fact]
    public async Task Accepted_command_is_202_with_location_and_body()
    {
        var commandId = Guid.NewGuid();
        var result = AcceptedCommand.Result(new CommandAccepted(commandId, CommandState.Pending));
        Assert.Equal(202, result.StatusCode);
        Assert.Equal($"/identity/api/v1/commands/{commandId}", result.Location);

        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection()
            .AddLogging().ConfigureHttpJsonOptions(o => GxJson.Configure(o.SerializerOptions)).BuildServiceProvider()
        };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        var json = JsonDocument.Parse(context.Response.Body).RootElement;
        Assert.Equal(commandId, json.GetProperty("commandId").GetGuid());
        Assert.Equal("PENDING", json.GetProperty("status").GetString());
    }
}
