using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Quiz.Core.Game;

namespace Quiz.UnitTests.Game;

/// <summary>The shared sets' key must be a real secret wherever real players play (issue #12, item 2).</summary>
public sealed class GameOptionsValidatorTests
{
    private static GameOptionsValidator In(string environment) => new(new HostingEnvironment { EnvironmentName = environment });

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(GameOptions.DevelopmentSetSecret)]
    public void Outside_development_a_missing_or_the_public_development_secret_stops_the_service(string? secret)
    {
        var result = In(Environments.Production).Validate(null, new GameOptions { SetSecret = secret });

        Assert.True(result.Failed);
        Assert.Contains("Game:SetSecret must be set outside Development", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_secret_is_refused_everywhere_and_its_value_is_never_in_the_message()
    {
        var result = In(Environments.Development).Validate(null, new GameOptions { SetSecret = "kurz-und-geheim" });

        Assert.True(result.Failed);
        Assert.DoesNotContain("kurz-und-geheim", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_may_run_without_one_and_production_runs_with_a_real_one()
    {
        Assert.True(In(Environments.Development).Validate(null, new GameOptions()).Succeeded);
        Assert.Equal(GameOptions.DevelopmentSetSecret, new GameOptions().EffectiveSetSecret);
        Assert.True(In(Environments.Production).Validate(null, new GameOptions { SetSecret = new string('x', 20) + "-server-secret-0123" }).Succeeded);
    }
}
