using Quiz.Bot.Replies;

namespace Quiz.Bot.Tests;

public sealed class CallbackDataTests
{
    [Theory]
    [InlineData("menu:help", "menu", "help", 0)]
    [InlineData("game:answer:0190f3a2-7c1d:2", "game", "answer", 2)]
    public void TryParse_accepts_well_formed_data(string raw, string area, string action, int args)
    {
        Assert.True(CallbackData.TryParse(raw, out var data));
        Assert.Equal((area, action, args), (data.Area, data.Action, data.Args.Count));
        Assert.Equal(raw, data.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("menu")]
    [InlineData("MENU:help")]
    [InlineData("menu:help:")]
    [InlineData("menu:help:<script>")]
    [InlineData("menu:help:ä")]
    [InlineData("menu:help\n")]
    public void TryParse_rejects_tampered_data(string? raw) => Assert.False(CallbackData.TryParse(raw, out _));

    [Fact]
    public void TryParse_rejects_data_over_64_bytes()
    {
        var raw = "game:answer:" + new string('a', 36) + ":" + new string('b', 20);
        Assert.True(raw.Length > CallbackData.MaxBytes);

        Assert.False(CallbackData.TryParse(raw, out _));
    }
}
