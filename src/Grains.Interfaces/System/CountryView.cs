namespace GxProtocol.Grains.Interfaces.System;

[GenerateSerializer, Immutable, Alias("gx.CountryView")]
public sealed record CountryView(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] decimal Percentage);
