namespace GxProtocol.ApiFrontends.Infrastructure.OpenApi;

/// <summary>Bound from <c>Gx:ApiDocs</c>: the interactive API reference (Scalar) at <c>/&lt;service&gt;/docs</c>.</summary>
public sealed class ApiReferenceOptions
{
    public const string SectionName = "Gx:ApiDocs";

    /// <summary>Serve the reference at all (the OpenAPI documents stay either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Only signed-in admins may open it (a public deployment may not want to advertise its routes).</summary>
    public bool RequireAdmin { get; set; }
}
