namespace GxProtocol.Ledger.Tests;
public class PlaceholderTests { [Fact] public void Compiles() => Assert.True(true); }
