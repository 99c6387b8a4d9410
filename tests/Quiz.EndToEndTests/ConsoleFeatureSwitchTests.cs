using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Quiz.EndToEndTests;

/// <summary>
/// An admin pauses Duelle under "Schalter": the bot's command menu at Telegram loses /duell within seconds, /duell and an
/// old menu's duel button answer kindly, and switched on again /duell is back — one setMyCommands per change, none between.
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed class ConsoleFeatureSwitchTests(AppModelFixture fixture)
{
    private const string Paused = "⏸️ Duelle sind gerade pausiert.";

    [Fact]
    public async Task Duelle_paused_in_the_console_leave_the_command_menu_answer_kindly_and_come_back()
    {
        var sandbox = fixture.Sandbox();
        var player = await ChatPlayer.CreateAsync(fixture, $"Doris{Guid.NewGuid():N}"[..13]);
        await player.SayAsync("/start");
        var menu = await player.MessageAsync("willkommen bei Quiz");
        var duelButton = ChatPlayer.Buttons(menu).First(b => b.StartsWith("game:duel", StringComparison.Ordinal));
        var since = await player.LastCallAsync();

        await using var console = await ConsoleBrowser.SignInAsync(fixture, "/schalter");
        var duels = console.Page.Locator(".schalter-duels input");
        try
        {
            await duels.ClickAsync(new LocatorClickOptions { Force = true });
            await Assertions.Expect(duels).Not.ToBeCheckedAsync();

            var paused = await MenuAsync(sandbox, since, commands => !commands.Contains("duell"));
            Assert.Contains("spielen", paused);
            Assert.Contains("paysupport", paused);
            await player.SayAsync("/duell");
            await player.MessageAsync(Paused);
            Assert.StartsWith(Paused, (await player.PressAsync(menu, duelButton)).Text, StringComparison.Ordinal);

            await duels.ClickAsync(new LocatorClickOptions { Force = true });
            await Assertions.Expect(duels).ToBeCheckedAsync();

            var back = await MenuAsync(sandbox, since, commands => commands.Contains("duell"));
            Assert.Equal(paused.Count + 1, back.Count);
            Assert.Equal(2, (await sandbox.CallsAsync(since, "setMyCommands")).Count);
        }
        finally
        {
            await using var cleanup = fixture.Database();
            await cleanup.Database.ExecuteSqlRawAsync("UPDATE feature_switches SET is_on = true WHERE key = 'duels'");
        }
    }

    /// <summary>The commands of the newest setMyCommands since <paramref name="since"/>, once they satisfy <paramref name="done"/>.</summary>
    private static async Task<List<string>> MenuAsync(SandboxClient sandbox, long since, Func<List<string>, bool> done)
    {
        List<string> latest = [];
        await Eventually.HoldsAsync(async () =>
        {
            var calls = await sandbox.CallsAsync(since, "setMyCommands");
            if (calls.Count == 0) return false;
            latest = Commands(calls[^1].Parameters);
            return done(latest);
        });
        return latest;
    }

    private static List<string> Commands(JsonElement parameters)
    {
        var commands = parameters.GetProperty("commands");
        var list = commands.ValueKind == JsonValueKind.String ? JsonDocument.Parse(commands.GetString()!).RootElement : commands;
        return [.. list.EnumerateArray().Select(c => c.GetProperty("command").GetString()!)];
    }
}
