using GxProtocol.ApiFrontends.Domain;
using GxProtocol.ApiFrontends.Infrastructure.Validation;

namespace GxProtocol.Backend.Tests.ApiInfrastructure;

public sealed class RequestValidatorTests
{
    [Theory]
    [InlineData(null, "is required.")]
    [InlineData("   ", "is required.")]
    [InlineData("abcdef", "must be at most 5 characters.")]
    [InlineData("abcde", null)]
    public void Required_checks_presence_and_length(string? value, string? error) =>
        AssertSingle(new RequestValidator().Required("name", value, 5), "name", error);

    [Theory]
    [InlineData("user@example.com", null)]
    [InlineData("user@example", "must be an email address.")]
    [InlineData("a b@example.com", "must be an email address.")]
    [InlineData("@example.com", "must be an email address.")]
    public void Email_shape(string value, string? error) =>
        AssertSingle(new RequestValidator().Email("email", value), "email", error);

    [Theory]
    [InlineData("US", true)]
    [InlineData("LK", true)]
    [InlineData("us", false)]
    [InlineData("XX", false)]
    [InlineData("USA", false)]
    public void Country_codes_are_assigned_alpha_2(string value, bool ok) =>
        Assert.Equal(ok, new RequestValidator().CountryCode("cc", value).IsValid);

    [Fact]
    public void The_country_list_has_every_assigned_code() => Assert.Equal(249, IsoCountryCodes.Count);

    [Theory]
    [InlineData("0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde", false)]
    [InlineData("g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    public void Sha256_hex(string value, bool ok) => Assert.Equal(ok, new RequestValidator().Sha256Hex("hash", value).IsValid);

    [Theory]
    [InlineData("6f9619ff-8b86-d011-b42d-00c04fc964ff", true)]
    [InlineData("00000000-0000-0000-0000-000000000000", false)]
    [InlineData("nope", false)]
    public void Guid_ids(string value, bool ok) => Assert.Equal(ok, new RequestValidator().GuidId("id", value).IsValid);

    [Fact]
    public void Format_checks_do_not_pile_onto_a_field_that_already_failed()
    {
        var validator = new RequestValidator().Required("email", new string('a', 300), 254).Email("email", new string('a', 300));
        Assert.Single(validator.Errors["email"]);
        Assert.True(validator.HasProblem(out var problem));
        Assert.Equal(400, problem.StatusCode);
    }

    private static void AssertSingle(RequestValidator validator, string field, string? error)
    {
        if (error is null)
        {
            Assert.True(validator.IsValid);
        }
        else
        {
            Assert.Equal([error], validator.Errors[field]);
        }
    }
}
