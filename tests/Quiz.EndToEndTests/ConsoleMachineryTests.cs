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
            await Assertions.Expect(page.Locator(".aufgabe-name").First).ToBeVisibleAsync();

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
