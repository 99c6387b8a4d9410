using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Quiz.EndToEndTests;

/// <summary>
/// An admin pauses Duelle under "Schalter": the bot's command menu at Telegram loses /duell within seconds, /duell and an
/// old menu's duel button answer kindly, /hilfe and a new main menu leave duels out; a script sees the switch through
/// <c>GET /admin/features</c> and switches it on again with <c>PUT</c>: /duell is back — one setMyCommands per change, none between.
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

            var paused = await CommandMenus.WaitForAsync(sandbox, since, commands => !commands.Contains("duell"));
            Assert.Contains("spielen", paused);
            Assert.Contains("paysupport", paused);
            await player.SayAsync("/duell");
            await player.MessageAsync(Paused);
            Assert.StartsWith(Paused, (await player.PressAsync(menu, duelButton)).Text, StringComparison.Ordinal);
            // Hidden from /hilfe and from a fresh main menu too.
            await player.SayAsync("/hilfe");
            var help = (await player.MessageAsync("❓ Hilfe")).Text!;
            Assert.Contains("/spielen", help, StringComparison.Ordinal);
            Assert.DoesNotContain("/duell", help, StringComparison.Ordinal);
            await player.SayAsync("/start");
            var fresh = await player.MessageAsync("willkommen bei Quiz", after: menu);
            Assert.DoesNotContain(ChatPlayer.Buttons(fresh), b => b.StartsWith("game:duel", StringComparison.Ordinal));

            // A script reads the switch the console set (GET /admin/features) and switches it on again (PUT); the page shows it.
            var states = await FeaturesAsync(HttpMethod.Get);
            var duelState = states.EnumerateArray().Single(e => e.GetProperty("key").GetString() == "duels");
            Assert.Equal((false, "Lokaler Operator"), (duelState.GetProperty("on").GetBoolean(), duelState.GetProperty("changedBy").GetString()));
            var put = await FeaturesAsync(HttpMethod.Put, new { duels = true });
            Assert.Equal(["duels"], put.GetProperty("changed").EnumerateArray().Select(e => e.GetString()));
            await console.Page.ReloadAsync();
            await console.Page.Locator(".quiz-console[data-interactive='true']").WaitForAsync();
            await Assertions.Expect(duels).ToBeCheckedAsync();

            var back = await CommandMenus.WaitForAsync(sandbox, since, commands => commands.Contains("duell"));
            Assert.Equal(paused.Count + 1, back.Count);
            Assert.Equal(2, (await sandbox.CallsAsync(since, "setMyCommands")).Count);
        }
        finally
        {
            await using var cleanup = fixture.Database();
            await cleanup.Database.ExecuteSqlRawAsync("UPDATE feature_switches SET is_on = true WHERE key = 'duels'");
        }
    }

    private Task<JsonElement> FeaturesAsync(HttpMethod method, object? body = null) => AdminScript.SendAsync(fixture, method, "/admin/features", body);
}
