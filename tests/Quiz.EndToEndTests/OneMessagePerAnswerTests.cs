using System.Text.RegularExpressions;

namespace Quiz.EndToEndTests;

/// <summary>
/// Issue #14 item 1 through the sandbox with its limits on: every answer puts exactly one message into the chat — the
/// verdict on top of the next question or of the result (ADR 0013) — in every mode that answers questions, counted from
/// the sandbox's record of the bot's calls (sendMessage and editMessageText; callback answers are no chat messages).
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed partial class OneMessagePerAnswerTests(AppModelFixture fixture)
{
    [Fact]
    public async Task A_quick_game_costs_one_chat_message_per_answer_with_the_verdict_above_the_next_question()
    {
        var jana = await ChatPlayer.CreateAsync(fixture, "Jana");
        await jana.SayAsync("/spielen");
        var first = await jana.QuestionAsync(1, 10);

        await PlayCountingAsync(jana, 10, 10, i => i != 1, "Spiel beendet");

        var second = await jana.QuestionAsync(2, 10);
        Assert.Matches(WrongAboveSecond(), second.Text);
        Assert.Contains("q:report:", string.Join(' ', ChatPlayer.Buttons(second)), StringComparison.Ordinal);
        Assert.Equal(4, ChatPlayer.Buttons(second).Count(b => b.StartsWith("game:answer:", StringComparison.Ordinal)));
        var result = await jana.MessageAsync("Spiel beendet");
        Assert.Matches(RightAboveResult(), result.Text);
        // The answered question stays as it was; its buttons, once the game is over, get the short notice and change nothing.
        var unchanged = (await fixture.Sandbox().ChatAsync(jana.User)).Single(m => m.MessageId == first.MessageId);
        Assert.Equal((first.Text, (long?)null), (unchanged.Text, unchanged.EditDate));
        Assert.Equal("Diese Schaltfläche ist nicht mehr gültig.", (await jana.PressAsync(first, ChatPlayer.Buttons(first)[0])).Text);
    }

    [Fact]
    public async Task A_category_game_costs_one_chat_message_per_answer()
    {
        var kim = await ChatPlayer.CreateAsync(fixture, "Kim");
        await kim.SayAsync("/start");
        await kim.PressAsync(await kim.MessageAsync("willkommen"), "game:cats");
        var categories = await kim.MessageAsync("Kategorie wählen");
        await kim.PressAsync(categories, ChatPlayer.Buttons(categories).First(b => b.StartsWith("game:cat:", StringComparison.Ordinal)));
        await kim.QuestionAsync(1, 10);
        await PlayCountingAsync(kim, 10, 10, i => i % 3 != 0, "Spiel beendet");
    }

    [Fact]
    public async Task An_Ueberleben_run_costs_one_chat_message_per_answer_its_last_one_included()
    {
        var rolf = await ChatPlayer.CreateAsync(fixture, "Rolf");
        await rolf.SayAsync("/start");
        await rolf.PressAsync(await rolf.MessageAsync("willkommen"), "game:survival");
        await rolf.QuestionAsync(1, null);
        await PlayCountingAsync(rolf, 4, null, i => i <= 3, "Lauf beendet");
    }

    [Fact]
    public async Task A_Tagesquiz_costs_one_chat_message_per_answer()
    {
        var uta = await ChatPlayer.CreateAsync(fixture, "Uta");
        await uta.SayAsync("/tagesquiz");
        await uta.QuestionAsync(1, 10);
        await PlayCountingAsync(uta, 10, 10, i => i % 2 == 0, "Spiel beendet");
    }

    [Fact]
    public async Task Both_sides_of_a_duel_cost_one_chat_message_per_answer()
    {
        var olga = await ChatPlayer.CreateAsync(fixture, "Olga");
        var paul = await ChatPlayer.CreateAsync(fixture, "Paul");
        await olga.SayAsync("/duell");
        await olga.QuestionAsync(1, 7);
        await PlayCountingAsync(olga, 7, 7, i => i <= 3, "Teile Deinen Duell-Link");
        var waiting = await olga.MessageAsync("Teile Deinen Duell-Link");
        var share = Uri.UnescapeDataString(ChatPlayer.Buttons(waiting).Single(b => b.StartsWith("https://t.me/share/url", StringComparison.Ordinal)));

        await paul.SayAsync($"/start duell_{DuelLink().Match(share).Groups[1].Value}");
        await paul.QuestionAsync(1, 7);
        await PlayCountingAsync(paul, 7, 7, _ => true, "Du hast das Duell gewonnen!");
    }

    [Fact]
    public async Task A_tournament_game_costs_one_chat_message_per_answer_and_keeps_its_solutions()
    {
        var title = "Blitzturnier " + Guid.NewGuid().ToString("N")[..6];
        var id = await new TournamentDesk(fixture).OpenAsync(title, "free", questions: 3, duration: TimeSpan.FromMinutes(30));
        var vera = await ChatPlayer.CreateAsync(fixture, "Vera");
        await vera.SayAsync($"/start turnier_{id:N}");
        Assert.Null((await vera.PressAsync(await vera.MessageAsync(title), $"turnier:play:{id:N}")).Text);
        await vera.QuestionAsync(1, 3);
        await PlayCountingAsync(vera, 3, 3, _ => true, "vorläufig");
        var result = await vera.MessageAsync("vorläufig");
        Assert.Contains("🔒", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("💡", result.Text, StringComparison.Ordinal);
    }

    /// <summary>From the first question on (it is on the screen): <paramref name="count"/> answers, then the end message; one chat message each.</summary>
    private static async Task PlayCountingAsync(ChatPlayer player, int count, int? total, Func<int, bool> correct, string end)
    {
        var since = await player.LastCallAsync();
        await player.PlayAsync(count, total, correct);
        await player.MessageAsync(end);
        var messages = await player.ChatMessageCallsAsync(since);
        Assert.True(messages.Count == count, $"{messages.Count} chat messages for {count} answers: {string.Join(", ", messages.Select(m => m.Method))}");
    }

    [GeneratedRegex("^❌ Leider falsch\\. Richtig ist [A-D]\\) .+\\n💡 .+\\nFrage 2/10 · ")]
    private static partial Regex WrongAboveSecond();

    [GeneratedRegex("^✅ Richtig! \\+\\d+ Punkte\\n💡 .+\\n🏁 Spiel beendet!")]
    private static partial Regex RightAboveResult();

    [GeneratedRegex("start=duell_([a-z0-9]+)")]
    private static partial Regex DuelLink();
}
