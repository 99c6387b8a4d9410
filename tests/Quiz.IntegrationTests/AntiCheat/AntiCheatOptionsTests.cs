using Microsoft.Extensions.Options;
using Quiz.Core.AntiCheat;
using Quiz.Testing;

namespace Quiz.IntegrationTests.AntiCheat;

/// <summary>The thresholds are settings, checked when the host starts.</summary>
public sealed class AntiCheatOptionsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private async Task<AntiCheatOptions> ReadAsync(Dictionary<string, string?> settings)
    {
        await using var core = database.Core(settings: settings);
        return core.Get<IOptions<AntiCheatOptions>>().Value;
    }

    [Fact]
    public async Task Settings_are_read_from_the_AntiCheat_section_and_the_hold_is_off_by_default()
    {
        var options = await ReadAsync(new() { ["AntiCheat:ReadingCharsPerSecond"] = "60", ["AntiCheat:LockstepMaxGapMs"] = "2000" });

        Assert.Equal((60, 2000, (int?)null), (options.ReadingCharsPerSecond, options.LockstepMaxGapMs, options.HoldScore));
    }

    [Theory]
    [InlineData("AntiCheat:SteadyMinAnswers", "60", "SteadyWindow")]
    [InlineData("AntiCheat:ReadingCharsPerSecond", "0", "ReadingCharsPerSecond")]
    [InlineData("AntiCheat:HoldScore", "101", "HoldScore")]
    public async Task A_contradiction_or_a_value_out_of_range_is_refused_with_the_setting_named(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ReadAsync(new() { [key] = value }));

        Assert.Contains(named, error.Message);
    }
}
