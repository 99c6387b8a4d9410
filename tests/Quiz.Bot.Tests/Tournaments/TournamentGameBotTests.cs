using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Bot.Outbox;
using Quiz.Bot.Texts;
using Quiz.Core.Game;
using Quiz.Core.Messaging;
using Quiz.Core.Tournaments;
using Telegram.Bot.Types.ReplyMarkups;

namespace Quiz.Bot.Tests.Tournaments;

/// <summary>Playing a tournament through the bot: the first question, the summary with the place, the ranking and both notices.</summary>
public sealed class TournamentGameBotTests(BotHost host) : IClassFixture<BotHost>
{
    /// <summary>Answers every question the bot sends by pressing its button, right or wrong; returns the session.</summary>
    private async Task<Guid> PlayThroughAsync(long chat, bool correct)
    {
        Guid session = default;
        for (var ordinal = 0; ordinal < 5; ordinal++)
        {
            var answers = BotHost.Data(host.SentTo(chat)[^1]).Where(d => d.StartsWith("game:answer:", StringComparison.Ordinal)).ToList();
            Assert.True(answers.Count == 4, string.Join("\n---\n", host.SentTo(chat).Select(m => m.Text)));
            var parts = answers[0].Split(':');
            session = Guid.ParseExact(parts[2], "N");
            Assert.Equal(ordinal.ToString(), parts[3]);
            short position;
            await using (var db = host.Database.CreateContext())
            {
                position = await db.SessionQuestions.Where(q => q.SessionId == session && q.Ordinal == ordinal).Select(q => q.CorrectPosition).SingleAsync();
            }
            Assert.Null(await host.PressAsync(chat, $"game:answer:{parts[2]}:{ordinal}:{(correct ? position : (position + 1) % 4)}"));
        }
        return session;
    }

    private async Task<RenderedNotice?> RenderAsync(string topic, Guid id, long chat)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NoticeRenderer>().RenderAsync(new NoticePayload(topic, SubjectId: id), chat, default);
    }

    [Fact]
    public async Task Mitspielen_in_a_running_tournament_joins_and_sends_the_first_question_of_a_tournament_game()
    {
        var id = await host.TournamentAsync("Sofort spielen", TournamentEntryFee.Free, running: true);
        var (chat, player) = await host.PlayerAsync("Paul");
        await host.CommandAsync(chat, "/turniere");
        Assert.Contains($"turnier:play:{id:N}", BotHost.Data(host.SentTo(chat)[^1]));

        Assert.Null(await host.PressAsync(chat, $"turnier:play:{id:N}"));

        var sent = host.SentTo(chat);
        Assert.Equal(3, sent.Count);
        Assert.Contains("Du bist beim Turnier „Sofort spielen“ dabei.", sent[1].Text);
        Assert.Contains("5 Fragen, ein Versuch, keine Joker.", sent[1].Text);
        Assert.StartsWith("Frage 1/5 · Turnierwissen", sent[2].Text);
        Assert.Equal(4, BotHost.Data(sent[2]).Count(d => d.StartsWith("game:answer:", StringComparison.Ordinal)));
        await using (var db = host.Database.CreateContext())
        {
            var entry = await db.TournamentEntries.SingleAsync(e => e.PlayerId == player);
            Assert.Equal(GameMode.Tournament, (await db.GameSessions.SingleAsync(s => s.Id == entry.SessionId)).Mode);
        }

        await host.CommandAsync(chat, "/turniere");
        var list = host.SentTo(chat)[^1];
        Assert.Contains("⏳ Dein Spiel läuft noch.", list.Text);
        var buttons = Assert.IsType<InlineKeyboardMarkup>(list.ReplyMarkup).InlineKeyboard.SelectMany(r => r).ToList();
        Assert.Contains(buttons, b => b.Text.EndsWith(De.ButtonContinueTournament, StringComparison.Ordinal) && b.CallbackData == $"turnier:play:{id:N}");
        Assert.Contains(buttons, b => b.CallbackData == $"turnier:rank:{id:N}");

        // Another game would end the running attempt: the bot explains instead of starting one.
        await host.CommandAsync(chat, "/spielen");
        Assert.Equal(De.TournamentInProgress, host.SentTo(chat)[^1].Text);
        await using var check = host.Database.CreateContext();
        Assert.Equal(1, await check.GameSessions.CountAsync(s => s.PlayerId == player));
    }

    [Fact]
    public async Task A_finished_game_shows_the_provisional_place_then_the_ranking_and_both_notices_render()
    {
        var id = await host.TournamentAsync("Das Finale", TournamentEntryFee.Free);
        var (anna, _) = await host.PlayerAsync("Anna & Co");
        var (ben, _) = await host.PlayerAsync("Ben");
        var (cem, _) = await host.PlayerAsync("Cem");
        foreach (var chat in new[] { anna, ben, cem }) Assert.Null(await host.PressAsync(chat, $"turnier:join:{id:N}"));
        Assert.Null(await RenderAsync(TournamentNotices.Started, id, anna));
        Assert.Equal(TransitionOutcome.Changed, await host.Services.GetRequiredService<TournamentAdministration>().StartNowAsync(id, "Olga Operator"));
        await host.OutboxDeliveredAsync();

        var started = (await RenderAsync(TournamentNotices.Started, id, anna))!.Message;
        Assert.StartsWith("🏆 Das Turnier „Das Finale“ hat begonnen!", started.Text);
        Assert.Equal($"turnier:play:{id:N}", started.Buttons![0][0].CallbackData);

        Assert.Null(await host.PressAsync(anna, $"turnier:play:{id:N}"));
        await PlayThroughAsync(anna, correct: true);
        var annaSummary = host.SentTo(anna)[^1];
        Assert.Contains("Richtige Antworten: 5 von 5", annaSummary.Text);
        Assert.Contains("Turnier „Das Finale“: vorläufig Platz 1 von 1.", annaSummary.Text);
        Assert.Contains("Die Endwertung gibt es Fr, 27.11. um 14:00 Uhr", annaSummary.Text);
        Assert.Equal([$"turnier:rank:{id:N}", "menu:main", "q:report:"], BotHost.Data(annaSummary).Select(d => d.StartsWith("q:report:", StringComparison.Ordinal) ? "q:report:" : d));
        Assert.Equal(De.TournamentAlreadyPlayed, await host.PressAsync(anna, $"turnier:play:{id:N}"));

        Assert.Null(await host.PressAsync(ben, $"turnier:play:{id:N}"));
        await PlayThroughAsync(ben, correct: false);
        Assert.Contains("vorläufig Platz 2 von 2.", host.SentTo(ben)[^1].Text);

        // While it runs, a verdict keeps the answer to itself; every entrant has the same questions in their own option order.
        // One message per answer: the verdict comes above the next question or the result, nothing is edited.
        Assert.DoesNotContain(host.Telegram.Edits, e => e.ChatId.Identifier == anna || e.ChatId.Identifier == ben);
        var verdicts = host.SentTo(anna).Concat(host.SentTo(ben)).Select(m => m.Text).Where(t => t.StartsWith("<blockquote>", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, verdicts.Count);
        Assert.All(verdicts, v => Assert.Contains("🔒 Die Lösungen gibt es mit dem Turnierergebnis.", v));
        Assert.All(verdicts, v => Assert.DoesNotContain("💡", v));
        Assert.All(verdicts, v => Assert.DoesNotContain("Richtig ist", v));
        await using (var db = host.Database.CreateContext())
        {
            var sessions = db.GameSessions.Where(g => g.Mode == GameMode.Tournament && (g.Player!.TelegramUserId == anna || g.Player.TelegramUserId == ben));
            var asked = await db.SessionQuestions.Join(sessions, q => q.SessionId, g => g.Id, (q, g) => new { g.PlayerId, q.Ordinal, q.QuestionId, q.OptionOrder }).ToListAsync();
            var byOrdinal = asked.GroupBy(q => q.Ordinal).ToList();
            Assert.Equal(5, byOrdinal.Count);
            Assert.All(byOrdinal, g => Assert.Single(g.Select(q => q.QuestionId).Distinct()));
            Assert.Contains(byOrdinal, g => !g.First().OptionOrder.SequenceEqual(g.Last().OptionOrder));
        }

        Assert.Null(await host.PressAsync(ben, $"turnier:rank:{id:N}"));
        var live = host.SentTo(ben)[^1];
        Assert.Contains("🟢 live", live.Text);
        Assert.Contains("🥇 Anna &amp; Co – ", live.Text);
        Assert.Contains("<b>🥈 Ben – 0 Punkte</b> ← Du", live.Text);

        var admin = host.Services.GetRequiredService<TournamentAdministration>();
        Assert.Equal(TransitionOutcome.Changed, await admin.FinishNowAsync(id, "Olga Operator"));
        Assert.Equal(TransitionOutcome.Changed, await admin.IssueRewardsAsync(id, "Olga Operator"));
        await host.OutboxDeliveredAsync();

        var first = (await RenderAsync(TournamentNotices.Result, id, anna))!.Message;
        Assert.Contains("Du hast das Turnier „Das Finale“ gewonnen!", first.Text);
        Assert.Contains("Platz 1 von 2 mit", first.Text);
        Assert.Contains("(5 richtige Antworten)", first.Text);
        Assert.Contains("🎁 Dein Gewinn (Platz 1): 2 Turnier-Tickets und 5 Joker 50:50", first.Text);
        Assert.Equal($"turnier:rank:{id:N}", first.Buttons![0][0].CallbackData);
        Assert.Contains("🔓 <b>Die Lösungen</b>", first.Text);
        Assert.Equal(5, first.Text.Split("💡").Length - 1);
        var second = (await RenderAsync(TournamentNotices.Result, id, ben))!.Message.Text;
        Assert.Contains("Platz 2 von 2 mit 0 Punkten", second);
        // A place without a single point earns nothing.
        Assert.Contains("Diesmal hat es nicht für einen Gewinn gereicht", second);
        Assert.Contains("ohne Platzierung", (await RenderAsync(TournamentNotices.Result, id, cem))!.Message.Text);
        Assert.Null(await RenderAsync(TournamentNotices.Started, id, anna));
        Assert.Null(await RenderAsync(TournamentNotices.Result, Guid.NewGuid(), anna));

        Assert.Null(await host.PressAsync(cem, $"turnier:rank:{id:N}"));
        var final = host.SentTo(cem)[^1];
        Assert.Contains("🏁 Endstand", final.Text);
        Assert.Contains("🥇 Anna &amp; Co – ", final.Text);
        Assert.Contains("· 🎁 Platz 1", final.Text);
        Assert.Contains("🥈 Ben – 0 Punkte", final.Text);
        Assert.DoesNotContain("Platz 2–3", final.Text);
    }
}
