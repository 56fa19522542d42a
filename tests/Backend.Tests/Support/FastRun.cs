namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// <c>./test.sh --fast</c> sets GX_TEST_FAST=1 and runs only the tests without the trait Category=Slow, with no PostgreSQL
/// started. A test that gets here to start PostgreSQL or a host process lacks its traits: it fails naming them rather than
/// quietly slowing the fast run or starting a server test.sh did not.
/// </summary>
public static class FastRun
{
    public const string Variable = "GX_TEST_FAST";

    public static bool IsActive => Environment.GetEnvironmentVariable(Variable) == "1";

    public static void Refuse(string what, string category)
    {
        if (IsActive)
        {
            throw new InvalidOperationException(
                $"{Variable}=1 (./test.sh --fast) but a test {what}: mark its class [Trait(\"Category\", \"Slow\")] and [Trait(\"Category\", \"{category}\")].");
        }
    }
}
