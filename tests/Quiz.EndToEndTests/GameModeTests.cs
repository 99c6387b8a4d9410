using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Game;

namespace Quiz.EndToEndTests;

/// <summary>Every mode played through the sandbox chat, as a person would.</summary>
[Collection(AppModelCollection.Name)]
public sealed partial class GameModeTests(AppModelFixture fixture)
{
    [Fact]
    public async Task Tagesquiz_is_played_once_and_a_second_attempt_the_same_day_is_refused()
    {
        var lea = await ChatPlayer.CreateAsync(fixture, "Lea");
        await lea.SayAsync("/tagesquiz");
        await lea.MessageAsync("Tagesquiz");
        await lea.PlayAsync(10, 10, i => i % 3 != 0);
        var summary = await lea.MessageAsync("Spiel beendet");
        Assert.Contains("Richtige Antworten: 7 von 10", summary.Text);
        Assert.DoesNotContain(ChatPlayer.Buttons(summary), b => b == "game:daily");
        // Other classes of the collection play today's Tagesquiz too: the place counts everyone who finished it.
        await using (var played = fixture.Database())
        {
            var players = await played.GameSessions.CountAsync(s => s.Mode == GameMode.Daily && s.State == SessionState.Finished);
            Assert.Matches($"Platz \\d+ von {players} im heutigen Tagesquiz", summary.Text);
        }
        await lea.SayAsync("/bestenliste");
        var board = await lea.MessageAsync("Lea");
        Assert.Contains("board:week", ChatPlayer.Buttons(board));

        await lea.SayAsync("/tagesquiz");
        await lea.MessageAsync("heute schon gespielt");
        await using var db = fixture.Database();
        Assert.Equal(1, await db.GameSessions.CountAsync(s => s.Mode == GameMode.Daily && s.Player!.TelegramUserId == lea.User.UserId));
    }

    [Fact]
    public async Task Ueberleben_from_the_menu_runs_until_the_first_mistake()
    {
        var tim = await ChatPlayer.CreateAsync(fixture, "Tim");
        await tim.SayAsync("/start");
        var menu = await tim.MessageAsync("willkommen");
        Assert.Null((await tim.PressAsync(menu, "game:survival")).Text);

        await tim.PlayAsync(4, null, i => i <= 3);

        var end = await tim.MessageAsync("Lauf beendet");
        Assert.Contains("3 Fragen in Folge", end.Text);
        Assert.Contains("game:survival", ChatPlayer.Buttons(end));
    }

    [Fact]
    public async Task A_duel_goes_from_the_link_to_both_results()
    {
        var anna = await ChatPlayer.CreateAsync(fixture, "Anna");
        var ben = await ChatPlayer.CreateAsync(fixture, "Ben");
        await anna.SayAsync("/duell");
        await anna.PlayAsync(7, 7, i => i <= 3);
        var waiting = await anna.MessageAsync("Teile Deinen Duell-Link");
        var share = Uri.UnescapeDataString(ChatPlayer.Buttons(waiting).Single(b => b.StartsWith("https://t.me/share/url", StringComparison.Ordinal)));
        var code = DuelLink().Match(share).Groups[1].Value;
        Assert.Equal(10, code.Length);

        await ben.SayAsync($"/start duell_{code}");
        await ben.MessageAsync("Duell gegen Anna");
        await ben.PlayAsync(7, 7, _ => true);

        var benResult = await ben.MessageAsync("Du hast das Duell gewonnen!");
        Assert.Contains("Anna: ", benResult.Text);
        var annaResult = await anna.MessageAsync("Das Duell ist entschieden");
        Assert.Contains("Ben: ", annaResult.Text);
        Assert.Contains("3 von 7 richtig", annaResult.Text);

        var carl = await ChatPlayer.CreateAsync(fixture, "Carl");
        await carl.SayAsync($"/start duell_{code}");
        await carl.MessageAsync("schon jemand anderes angenommen");
    }

    [Fact]
    public async Task A_late_answer_counts_as_wrong_and_silence_pauses_the_game_until_weiter()
    {
        var ida = await ChatPlayer.CreateAsync(fixture, "Ida");
        await ida.SayAsync("/spielen");
        var first = await ida.QuestionAsync(1, 10);
        await Task.Delay(TimeSpan.FromSeconds(AppModelFixture.AnswerLimitSeconds + 1));
        var late = await ida.AnswerAsync(first, correct: true);
        Assert.Equal("⏱ Zeit abgelaufen.", late.Text);
        var second = await ida.QuestionAsync(2, 10);
        Assert.StartsWith("⏱ Zeit abgelaufen. Richtig ist", second.Text, StringComparison.Ordinal);
        var paused = await ida.WaitForAsync(second.MessageId, m => ChatPlayer.Buttons(m).Any(b => b.StartsWith("game:next:", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(AppModelFixture.AnswerLimitSeconds + AppModelFixture.RevealGraceSeconds + 20));
        Assert.Contains("⏱ Zeit abgelaufen. Richtig ist", paused.Text);
        Assert.Contains("pausiert", paused.Text);

        Assert.Null((await ida.PressAsync(paused, ChatPlayer.Buttons(paused).First(b => b.StartsWith("game:next:", StringComparison.Ordinal)))).Text);
        await ida.QuestionAsync(3, 10);
        await using var db = fixture.Database();
        var answers = await db.AnswerEvents.Where(a => db.GameSessions.Any(s => s.Id == a.SessionId && s.Player!.TelegramUserId == ida.User.UserId))
            .OrderBy(a => a.Ordinal).Select(a => new { a.IsCorrect, a.Points, a.ChosenPosition }).ToListAsync();
        Assert.Equal(2, answers.Count);
        Assert.All(answers, a => Assert.Equal((false, 0), (a.IsCorrect, a.Points)));
        Assert.Null(answers[1].ChosenPosition);
    }

    [Fact]
    public async Task Foreign_or_tampered_answer_buttons_change_nothing_and_get_a_polite_notice()
    {
        var eva = await ChatPlayer.CreateAsync(fixture, "Eva");
        var max = await ChatPlayer.CreateAsync(fixture, "Max");
        await eva.SayAsync("/spielen");
        var evaQuestion = await eva.QuestionAsync(1, 10);
        await max.SayAsync("/spielen");
        var maxQuestion = await max.QuestionAsync(1, 10);

        var evaButton = ChatPlayer.Buttons(evaQuestion)[0];
        foreach (var forged in new[] { evaButton, evaButton[..^1] + "9", evaButton.Replace(":0:", ":5:", StringComparison.Ordinal), "game:answer:kaputt" })
        {
            Assert.Equal("Diese Schaltfläche ist nicht mehr gültig.", (await max.PressAsync(maxQuestion, forged, force: true)).Text);
        }

        await using var db = fixture.Database();
        Assert.Equal(0, await db.AnswerEvents.CountAsync(a => db.Players.Any(p => p.Id == a.PlayerId && (p.TelegramUserId == eva.User.UserId || p.TelegramUserId == max.User.UserId))));
    }

    [Fact]
    public async Task The_sixth_game_of_the_day_is_refused_politely()
    {
        var ole = await ChatPlayer.CreateAsync(fixture, "Ole");
        for (var game = 1; game <= 5; game++)
        {
            await ole.SayAsync("/spielen");
            await ole.WaitForQuestionCountAsync(game);
        }
        await ole.SayAsync("/spielen");
        var refused = await ole.MessageAsync("kostenlosen Spiele für heute sind aufgebraucht");
        Assert.Contains("menu:main", ChatPlayer.Buttons(refused));
    }

    [GeneratedRegex("start=duell_([a-z0-9]+)")]
    private static partial Regex DuelLink();
}
