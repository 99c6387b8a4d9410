using Quiz.Bot.Handlers;

namespace Quiz.Bot.Tests;

public sealed class CommandParsingTests
{
    [Theory]
    [InlineData("/start", "start", null)]
    [InlineData("/start duell_ab12", "start", "duell_ab12")]
    [InlineData("/Hilfe@QuizBot", "hilfe", null)]
    [InlineData("/start@QuizBot turnier_7", "start", "turnier_7")]
    [InlineData("Hallo", null, null)]
    [InlineData("/", null, null)]
    public void ParseCommand_splits_command_and_payload(string text, string? command, string? payload) =>
        Assert.Equal((command, payload), MessageHandler.ParseCommand(text));
}
