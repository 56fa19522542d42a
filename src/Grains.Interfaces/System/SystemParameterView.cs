namespace GxProtocol.Grains.Interfaces.System;

/// <summary>A governable parameter: its current value on the ledger and its protocol default.</summary>
[GenerateSerializer, Immutable, Alias("gx.SystemParameterView")]
public sealed record SystemParameterView(
    [property: Id(0)] string ParamId,
    [property: Id(1)] long Value,
    [property: Id(2)] long DefaultValue);
