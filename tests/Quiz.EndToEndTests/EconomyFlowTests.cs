using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Support;
using Quiz.Core.Messaging;

namespace Quiz.EndToEndTests;

/// <summary>Using what was bought (Joker 50:50), the Premium subscription's renewal and /paysupport, through the sandbox.</summary>
[Collection(AppModelCollection.Name)]
public sealed class EconomyFlowTests(AppModelFixture fixture)
{
    [Fact]
    public async Task A_player_buys_jokers_and_a_fifty_fifty_takes_two_wrong_options_once()
    {
        var jan = await ChatPlayer.CreateAsync(fixture, "Jan");
        await jan.BuyAsync("joker-5");

        await jan.SayAsync("/spielen");
        var question = await jan.QuestionAsync(1, 10);
        var joker = ChatPlayer.Buttons(question).Single(b => b.StartsWith("game:joker:", StringComparison.Ordinal));
        Assert.Equal(5, ChatPlayer.Buttons(question).Count);
        Assert.Equal("🃏 Zwei falsche Antworten sind weg.", (await jan.PressAsync(question, joker)).Text);

        var reduced = await jan.WaitForAsync(question.MessageId, m => ChatPlayer.Buttons(m).Count == 2);
        var session = Guid.ParseExact(joker.Split(':')[2], "N");
        await using (var db = fixture.Database())
        {
            var asked = await db.SessionQuestions.SingleAsync(q => q.SessionId == session && q.Ordinal == 0);
            Assert.Equal(2, asked.RemovedPositions!.Length);
            Assert.DoesNotContain(asked.CorrectPosition, asked.RemovedPositions);
            Assert.Contains($"game:answer:{session:N}:0:{asked.CorrectPosition}", ChatPlayer.Buttons(reduced));

            // A second press on the same question (the button is gone; forced) shows the same and uses nothing more.
            Assert.Equal("🃏 Zwei falsche Antworten sind weg.", (await jan.PressAsync(reduced, joker, force: true)).Text);
            Assert.Null((await jan.PressAsync(reduced, $"game:answer:{session:N}:0:{asked.CorrectPosition}")).Text);
        }
        // One message per answer: the verdict comes quoted above the next question.
        Assert.Contains("Richtig", (await jan.VerdictAsync(reduced)).Text, StringComparison.Ordinal);

        await using var check = fixture.Database();
        var player = await check.Players.SingleAsync(p => p.TelegramUserId == jan.User.UserId);
        Assert.Equal(4, await check.Entitlements.Where(e => e.PlayerId == player.Id && e.Kind == AssetKind.Joker).Select(e => e.Uses).SingleAsync());
        Assert.Equal(1, await check.LedgerEntries.CountAsync(l => l.PlayerId == player.Id && l.Reason == LedgerReason.Consumption && l.Kind == AssetKind.Joker));
    }

    [Fact]
    public async Task Premium_renewal_stops_after_cancelling_in_profil_and_runs_again_once_taken_back_and_switched_on_in_Telegram()
    {
        var ria = await ChatPlayer.CreateAsync(fixture, "Ria");
        var sandbox = fixture.Sandbox();
        await ria.SayAsync("/shop");
        var shop = await ria.MessageAsync("Shop");
        await ria.PressAsync(shop, "shop:buy:premium-30");
        var offer = await ria.MessageAsync("Premium ist ein Abo");
        Assert.Equal("paid", (await ria.PayLinkAsync(ChatPlayer.Buttons(offer).Single(b => b.StartsWith("https://", StringComparison.Ordinal)))).Status);
        await ria.MessageAsync("Danke für Deinen Kauf");

        await ria.SayAsync("/profil");
        var profile = await ria.MessageAsync("Premium-Abo: bezahlt bis");
        Assert.Null((await ria.PressAsync(profile, "sub:cancel")).Text);
        await ria.MessageAsync("verlängert sich nicht mehr");
        var subscription = (await sandbox.SubscriptionsAsync(ria.User)).Single();
        Assert.True(subscription.CanceledByBot);
        Assert.Equal("canceled", (await sandbox.RenewAsync(ria.User, subscription.ChargeId)).Status);
        using (var refused = await sandbox.ReenableAsync(ria.User, subscription.ChargeId))
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        }

        // Taking the cancellation back lets Ria switch renewal on again in Telegram; only then it renews.
        await ria.SayAsync("/profil");
        var stopped = await ria.MessageAsync("gekündigt – Premium bleibt bis");
        Assert.Null((await ria.PressAsync(stopped, "sub:resume")).Text);
        await ria.MessageAsync("Die Kündigung ist zurückgenommen");
        Assert.Equal("canceled", (await sandbox.RenewAsync(ria.User, subscription.ChargeId)).Status);
        using (var reenabled = await sandbox.ReenableAsync(ria.User, subscription.ChargeId))
        {
            reenabled.EnsureSuccessStatusCode();
        }
        Assert.Equal("paid", (await sandbox.RenewAsync(ria.User, subscription.ChargeId)).Status);
        await ria.MessageAsync("Dein Premium-Abo wurde verlängert");

        await using var db = fixture.Database();
        var player = await db.Players.SingleAsync(p => p.TelegramUserId == ria.User.UserId);
        var until = await db.Entitlements.Where(e => e.PlayerId == player.Id && e.Kind == AssetKind.Premium).Select(e => e.ValidUntil).SingleAsync();
        Assert.True(until > DateTimeOffset.UtcNow.AddDays(59), $"Premium until {until}");
        Assert.Equal(2, await db.Purchases.CountAsync(p => p.PlayerId == player.Id && p.IsRecurring && p.Status == PurchaseStatus.Completed));
    }

    [Fact]
    public async Task Paysupport_opens_a_case_from_the_next_message_and_the_operators_reply_reaches_the_player()
    {
        var ole = await ChatPlayer.CreateAsync(fixture, "Ole");
        await ole.SayAsync("/paysupport");
        var prompt = await ole.MessageAsync("Hilfe bei Zahlungen");
        Assert.Contains("support:cancel", ChatPlayer.Buttons(prompt));
        await ole.SayAsync("Ich habe 10 Spiele gekauft, aber sie sind nicht angekommen.");
        await ole.MessageAsync("ist bei uns eingegangen");

        await using var db = fixture.Database();
        var player = await db.Players.SingleAsync(p => p.TelegramUserId == ole.User.UserId);
        var opened = await db.SupportCases.SingleAsync(c => c.PlayerId == player.Id);
        Assert.Equal((SupportCaseStatus.Open, "Ich habe 10 Spiele gekauft, aber sie sind nicht angekommen."), (opened.Status, opened.Text));

        // The console closes it (as SupportCaseAdministration does): the bot renders the reply.
        opened.Status = SupportCaseStatus.Closed;
        opened.ClosedAt = DateTimeOffset.UtcNow;
        opened.ClosedBy = "e2e";
        opened.Reply = "Wir haben Dir die 10 Spiele gutgeschrieben.";
        OutboxWriter.Enqueue(db, OutboxKinds.Notice, ole.User.UserId, new NoticePayload(EconomyNotices.SupportClosed, SubjectId: opened.Id), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        var closed = await ole.MessageAsync("Antwort auf Dein Anliegen");
        Assert.Contains("Wir haben Dir die 10 Spiele gutgeschrieben.", closed.Text);

        await ole.SayAsync("/paysupport");
        var second = await ole.MessageAsync("Hilfe bei Zahlungen");
        await ole.PressAsync(second, "support:cancel");
        await ole.MessageAsync("kein Anliegen eröffnet");
        Assert.False(await db.SupportCases.AnyAsync(c => c.PlayerId == player.Id && c.Status == SupportCaseStatus.Draft));
    }

    [Fact]
    public async Task Bought_games_play_on_after_the_free_ones_and_an_extra_life_saves_a_survival_run_once()
    {
        var uwe = await ChatPlayer.CreateAsync(fixture, "Uwe");
        await uwe.BuyAsync("spiele-10");
        await uwe.BuyAsync("extra-leben-3");
        for (var game = 1; game <= 5; game++)
        {
            await uwe.SayAsync("/spielen");
            await uwe.WaitForQuestionCountAsync(game);
        }

        await uwe.SayAsync("/start");
        await uwe.PressAsync(await uwe.MessageAsync("willkommen bei Quiz"), "game:survival");
        await uwe.MessageAsync("zählt als eines Deiner gekauften Spiele");
        var first = await uwe.QuestionAsync(1, null);
        Assert.Null((await uwe.AnswerAsync(first, correct: false)).Text);
        var second = await uwe.QuestionAsync(2, null);
        Assert.Contains("Extra-Leben rettet", second.Text, StringComparison.Ordinal);
        Assert.Null((await uwe.AnswerAsync(second, correct: false)).Text);
        await uwe.MessageAsync("Lauf beendet");

        await using var db = fixture.Database();
        var player = await db.Players.SingleAsync(p => p.TelegramUserId == uwe.User.UserId);
        var held = await db.Entitlements.Where(e => e.PlayerId == player.Id).ToDictionaryAsync(e => e.Kind, e => e.Uses);
        Assert.Equal((9, 2), (held[AssetKind.GameCredit], held[AssetKind.ExtraLife]));
    }
}
