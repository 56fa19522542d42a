namespace GxProtocol.Backend.Tests.Postgres;

[GenerateSerializer]
[Alias("gx.tests.postgres.probe-attachment")]
public sealed record PostgresProbeAttachment([property: Id(0)] string Label);
