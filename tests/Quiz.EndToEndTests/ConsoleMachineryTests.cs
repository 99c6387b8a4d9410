using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Quiz.Core.Audit;
using Quiz.Core.Messaging;

namespace Quiz.EndToEndTests;

/// <summary>
/// An admin on the Betrieb page in Chromium: sees the backlog and the services, sends dead letters again — one by its
/// own button, two as a selection (the player gets each, once) — and asks the bot for the webhook's state at Telegram
/// (the sandbox).
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed class ConsoleMachineryTests(AppModelFixture fixture)
{
    /// <summary>A moment as the console writes it (Berlin time).</summary>
    private static readonly Regex Moment = new(@"^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$");

    [Fact]
    public async Task An_admin_sees_the_backlog_sends_dead_letters_again_and_refreshes_the_webhook_state()
    {
        var rita = await ChatPlayer.CreateAsync(fixture, "Rita");
        await rita.SayAsync("/start");
        var texts = Enumerable.Range(1, 3).Select(i => $"Nachgereicht {i} {Guid.NewGuid():N}").ToArray();
        long[] dead;
        long waiting;
        await using (var db = fixture.Database())
        {
            var now = DateTimeOffset.UtcNow;
            var lost = texts.Select(text =>
            {
                var row = OutboxWriter.EnqueueMessage(db, rita.User.UserId, new SendMessagePayload(text), now);
                row.State = OutboxState.Dead;
                row.ProcessedAt = now;
                row.LastError = "Bad Request: simulated";
                return row;
            }).ToList();
            // Waits a day: the backlog shows it until the test removes it. Another chat's: a chat's oldest pending row goes
            // first, so in Rita's chat it would hold back the letters sent again.
            var later = OutboxWriter.Enqueue(db, OutboxKinds.Notice, -rita.User.UserId, new NoticePayload("duel.finished"), now, availableAt: now.AddDays(1));
            await db.SaveChangesAsync();
            (dead, waiting) = ([.. lost.Select(l => l.Id)], later.Id);
        }

        try
        {
            await using var console = await ConsoleBrowser.SignInAsync(fixture, "/betrieb");
            var page = console.Page;

            await Assertions.Expect(page.Locator(".warteschlange-art[data-art='notice']")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".dienst[data-dienst='bot']")).ToContainTextAsync("Bot: bereit");
            await Assertions.Expect(page.Locator(".dienst[data-dienst='worker']")).ToContainTextAsync("Worker: bereit");
            await Assertions.Expect(page.Locator(".dienst[data-dienst='admin']")).ToContainTextAsync("Konsole: bereit");

            // The waiting notice by kind and lane (a duel result goes with the bulk), with the age of the oldest (columns: lane,
            // kind, pending, age).
            var backlog = page.Locator(".warteschlange-art[data-art='notice'] >> xpath=..");
            await Assertions.Expect(backlog.Locator("td").Nth(0)).ToHaveTextAsync("Massenversand");
            await Assertions.Expect(backlog.Locator(".warteschlange-anzahl")).Not.ToHaveTextAsync("0");
            await Assertions.Expect(backlog.Locator("td").Nth(3)).ToHaveTextAsync(new Regex(@"^\d+ (s|min)$|^\d+ h \d+ min$|^\d+ Tagen$"));
            // The worker's jobs with their next and last run (the game clock fires every few seconds; columns: job, next, last, state).
            var clock = page.Locator(".betrieb-aufgaben tbody tr").Filter(new() { Has = page.Locator(".aufgabe-name", new() { HasTextString = "game-clock" }) }).First;
            await Assertions.Expect(clock.Locator("td").Nth(1)).ToHaveTextAsync(Moment);
            await Assertions.Expect(clock.Locator("td").Nth(2)).ToHaveTextAsync(Moment);
            // The dead letter's own error, next to its button.
            await Assertions.Expect(page.Locator($".tot-art[data-tot='{dead[0]}'] >> xpath=..").Locator(".tot-fehler")).ToHaveTextAsync("Bad Request: simulated");

            // One by its own button …
            var row = page.Locator($".tot-art[data-tot='{dead[0]}'] >> xpath=..");
            await console.ClickUntilAsync(row.Locator(".tot-senden"), row.Locator(".tot-erneut"));
            await rita.MessageAsync(texts[0]);

            // … two as a selection.
            foreach (var id in dead[1..])
            {
                await page.Locator($"[data-tot-auswahl='{id}'] input").CheckAsync();
            }
            await Assertions.Expect(page.Locator(".tote-senden-auswahl")).ToContainTextAsync("(2)");
            await page.Locator(".tote-senden-auswahl").ClickAsync();
            foreach (var id in dead[1..])
            {
                await Assertions.Expect(page.Locator($".tot-art[data-tot='{id}'] >> xpath=..").Locator(".tot-erneut")).ToBeVisibleAsync();
            }
            await rita.MessageAsync(texts[1]);
            await rita.MessageAsync(texts[2]);

            await console.ClickUntilAsync(page.Locator(".webhook-aktualisieren"), page.Locator(".webhook-abgefragt"));
            await Assertions.Expect(page.Locator(".webhook-wartend")).ToBeVisibleAsync();

            // The send budget as the bot's limiter left it in Redis: Rita's chat has been sent to in the last ten minutes.
            await page.Locator(".betrieb-neu-laden").ClickAsync();
            await Assertions.Expect(page.Locator(".betrieb-budget-gesamt")).ToHaveTextAsync(new Regex(@"^Gesamt: [\d.,]+ von \d+ Nachrichten sofort frei"));
            await Assertions.Expect(page.Locator(".betrieb-budget-chats")).ToHaveTextAsync(new Regex(@"; [1-9][\d.]* Chats? in den letzten 10 Minuten"));

            await using var check = fixture.Database();
            foreach (var id in dead)
            {
                Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.IdempotencyKey == $"requeue:{id}"));
                Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == AuditActions.OutboxRequeued && a.Subject == $"outbox:{id}"));
            }
        }
        finally
        {
            await using var cleanup = fixture.Database();
            await cleanup.OutboxMessages.Where(m => m.Id == waiting).ExecuteDeleteAsync();
        }
    }
}
