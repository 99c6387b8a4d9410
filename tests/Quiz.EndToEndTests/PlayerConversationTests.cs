using Quiz.Testing;

namespace Quiz.EndToEndTests;

/// <summary>A simulated player talks to the real bot through the Telegram sandbox.</summary>
[Collection(AppModelCollection.Name)]
public sealed class PlayerConversationTests(AppModelFixture fixture)
{
    [Fact]
    public async Task Player_goes_through_start_the_menu_help_and_an_unknown_command()
    {
        var sandbox = fixture.Sandbox();
        var since = (await sandbox.CallsAsync()).Select(c => c.Seq).DefaultIfEmpty(0).Max();
        var anna = await sandbox.CreateUserAsync("Anna");

        await sandbox.SendAsync(anna, "/start");
        var chat = await sandbox.WaitForChatAsync(anna, c => c.Any(m => m.FromBot));
        var welcome = chat.Single(m => m.FromBot);
        Assert.Contains("Hallo Anna, willkommen bei Quiz!", welcome.Text);
        Assert.Equal("🎮 Schnelles Spiel", (string?)welcome.ReplyMarkup!["inline_keyboard"]![0]![0]!["text"]);
        Assert.Contains(welcome.ReplyMarkup!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray()),
            b => (string?)b!["text"] == "❓ Hilfe" && (string?)b["callback_data"] == "menu:help");

        var press = await sandbox.PressAsync(anna, welcome.MessageId, "menu:help");
        chat = await sandbox.WaitForChatAsync(anna, c => c.Count(m => m.FromBot) == 2);
        Assert.StartsWith("❓ Hilfe", chat.Last().Text);
        Assert.True((await sandbox.CallbackAsync(anna, press.CallbackQueryId)).Answered);

        await sandbox.SendAsync(anna, "/hilfe");
        chat = await sandbox.WaitForChatAsync(anna, c => c.Count(m => m.FromBot) == 3);
        Assert.Contains("/datenschutz", chat.Last().Text);

        await sandbox.SendAsync(anna, "/quatsch");
        chat = await sandbox.WaitForChatAsync(anna, c => c.Count(m => m.FromBot) == 4);
        Assert.Contains("Den Befehl /quatsch kenne ich nicht", chat.Last().Text);

        await sandbox.SendAsync(anna, "Hallo, wer bist Du?");
        chat = await sandbox.WaitForChatAsync(anna, c => c.Count(m => m.FromBot) == 5);
        Assert.Contains("Ich reagiere auf Befehle", chat.Last().Text);

        AssertCallsMatchTheSpecification(await sandbox.CallsAsync(since));
    }

    [Fact]
    public async Task Tampered_button_is_answered_politely_and_changes_nothing()
    {
        var sandbox = fixture.Sandbox();
        var ben = await sandbox.CreateUserAsync("Ben");
        await sandbox.SendAsync(ben, "/start");
        var welcome = (await sandbox.WaitForChatAsync(ben, c => c.Any(m => m.FromBot))).Single(m => m.FromBot);

        foreach (var forged in new[] { "menu:gibtsnicht", "x'; DROP TABLE players;--", "menu:help:" + new string('a', 60) })
        {
            var press = await sandbox.PressAsync(ben, welcome.MessageId, forged, force: true);
            var answer = await WaitAnsweredAsync(sandbox, ben, press.CallbackQueryId);
            Assert.Equal("Diese Schaltfläche ist nicht mehr gültig.", answer.Text);
        }

        await Task.Delay(500);
        Assert.Single(await sandbox.ChatAsync(ben), m => m.FromBot);
    }

    private static async Task<SandboxCallback> WaitAnsweredAsync(SandboxClient sandbox, SandboxUser user, string id)
    {
        for (var i = 0; i < 100; i++)
        {
            var answer = await sandbox.CallbackAsync(user, id);
            if (answer.Answered) return answer;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Callback {id} was never answered");
    }

    /// <summary>Every Bot API call the bot made names a documented method with documented parameters.</summary>
    internal static void AssertCallsMatchTheSpecification(IReadOnlyList<SandboxCall> calls)
    {
        var spec = BotApiSpec.Load();
        Assert.NotEmpty(calls);
        var problems = calls
            .SelectMany(c => spec.Check(c.Method, c.Parameters.EnumerateObject().Select(p => p.Name).ToList()))
            .Distinct()
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
