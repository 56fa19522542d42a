using Microsoft.AspNetCore.Routing.Matching;

namespace GxProtocol.Silo.Hosting;

/// <summary>
/// Matches an endpoint that carries <see cref="LocalPortMetadata"/> only for connections accepted on that port. Unlike
/// a host requirement, the client cannot choose the local port of its connection, so a forged <c>Host</c> header on
/// the API port never reaches an ops endpoint: the route simply does not match there (404).
/// </summary>
public sealed class LocalPortMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    // Before the host and HTTP-method policies, so an ops route never even counts as a candidate on another port.
    public override int Order => -1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(endpoint => endpoint.Metadata.GetMetadata<LocalPortMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var localPort = httpContext.Connection.LocalPort;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) &&
                candidates[i].Endpoint.Metadata.GetMetadata<LocalPortMetadata>() is { } required && required.Port != localPort)
            {
                candidates.SetValidity(i, false);
            }
        }
        return Task.CompletedTask;
    }
}
