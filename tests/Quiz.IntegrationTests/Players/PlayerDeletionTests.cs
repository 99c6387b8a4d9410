using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Support;
using Quiz.Core.Game;
using Quiz.Core.Game.Stats;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Quiz.Core.Privacy;
using Quiz.IntegrationTests.Economy;
using Quiz.Testing;
using static Quiz.IntegrationTests.Game.Stats.StatsSeed;

namespace Quiz.IntegrationTests.Players;

/// <summary><c>/loeschen</c> in Core: anonymised exactly once, purchases and ledger kept, an open subscription stopped first.</summary>
public sealed class PlayerDeletionTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero))
{
    private EconomyKit Kit => new(Core);

    private PlayerDeletion Deletion => Core.Get<PlayerDeletion>();

    /// <summary>A player with a running Premium subscription (purchase + ledger rows), a support case and a message in the outbox.</summary>
    private async Task<(long Player, long Telegram, Guid Purchase, string Charge)> SubscriberAsync()
    {
        var (player, telegram) = await Kit.NewPlayerAsync();
        var invoice = await Kit.InvoiceAsync(player, "premium-30");
        var payment = EconomyKit.Payment(telegram, invoice) with
        {
            IsRecurring = true, IsFirstRecurring = true, SubscriptionExpiresAt = Time.GetUtcNow().AddDays(30),
        };
        var confirmed = await Kit.ConfirmAsync(payment);
        Assert.Equal(ConfirmOutcome.Granted, confirmed.Outcome);
        await using var db = Database.CreateContext();
        db.SupportCases.Add(new SupportCase
        {
            Id = Guid.NewGuid(), PlayerId = player, Status = SupportCaseStatus.Open, Text = "Ich heiße Ida Muster, bitte erstatten",
            CreatedAt = Time.GetUtcNow(), SubmittedAt = Time.GetUtcNow(),
        });
        OutboxWriter.EnqueueMessage(db, telegram, new SendMessagePayload("Hallo Ida"), Time.GetUtcNow());
        await db.SaveChangesAsync();
        return (player, telegram, confirmed.PurchaseId!.Value, payment.TelegramPaymentChargeId);
    }

    [Fact]
    public async Task Deletion_cancels_the_subscription_first_anonymises_the_player_keeps_purchases_and_ledger_and_audits_it()
    {
        var (player, telegram, purchase, charge) = await SubscriberAsync();
        int ledgerBefore;
        await using (var db = Database.CreateContext()) ledgerBefore = await db.LedgerEntries.CountAsync(l => l.PlayerId == player);
        Assert.True(ledgerBefore > 0);

        var token = await Deletion.RequestAsync(player);
        var result = await Deletion.ConfirmAsync(player, token!);

        Assert.Equal(new DeletionResult(DeletionOutcome.Deleted, SubscriptionCanceled: true), result);
        await using (var db = Database.CreateContext())
        {
            var row = await db.Players.SingleAsync(p => p.Id == player);
            Assert.Equal((PlayerDeletion.TombstoneTelegramId(player), "", null, null, Time.GetUtcNow()),
                (row.TelegramUserId, row.FirstName, row.Username, row.LanguageCode, row.DeletedAt));
            Assert.False(await db.Players.AnyAsync(p => p.TelegramUserId == telegram));
            var kept = await db.Purchases.SingleAsync(p => p.Id == purchase);
            Assert.Equal((player, charge, Time.GetUtcNow()), (kept.PlayerId, kept.TelegramPaymentChargeId, kept.SubscriptionCanceledAt));
            Assert.Equal(ledgerBefore, await db.LedgerEntries.CountAsync(l => l.PlayerId == player));
            Assert.Equal([PlayerDeletion.RedactedText], await db.SupportCases.Where(c => c.PlayerId == player).Select(c => c.Text).ToListAsync());
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.ChatId == telegram));

            var command = await db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKinds.CancelStarSubscription && m.IdempotencyKey == $"delete-cancel:{purchase:N}");
            Assert.Equal(new CancelSubscriptionCommand(purchase, telegram, charge), OutboxWriter.ReadPayload<CancelSubscriptionCommand>(command.Payload));
            Assert.Equal(OutboxState.Pending, command.State);

            var audit = Assert.Single(await AuditLog.ForSubjectAsync(db, AuditLog.Player(player)));
            Assert.Equal((AuditActions.PlayerDeleted, "player"), (audit.Action, audit.Actor));
            Assert.Contains("Abo gekündigt", audit.Details);
            Assert.DoesNotContain("Ida", audit.Details);
        }
        Assert.False(await Core.Get<PlayerDataExport>().WriteAsync(player, new MemoryStream()));

        // Writing again: a brand-new player, nothing carried over.
        var again = await Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(telegram, "Ida", null, "de"));
        Assert.True(again.IsNew);
        Assert.NotEqual(player, again.Id);
        Assert.Null((await Kit.HoldingsAsync(again.Id)).PremiumUntil);
    }

    [Fact]
    public async Task Concurrent_confirmations_delete_once_with_one_audit_entry_and_one_cancel_command()
    {
        var (player, _, purchase, _) = await SubscriberAsync();
        var token = (await Deletion.RequestAsync(player))!;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Deletion.ConfirmAsync(player, token))));

        Assert.Single(results, r => r.Outcome == DeletionOutcome.Deleted);
        Assert.All(results.Where(r => r.Outcome != DeletionOutcome.Deleted), r => Assert.Equal(DeletionOutcome.AlreadyDeleted, r.Outcome));
        await using var db = Database.CreateContext();
        Assert.Single(await AuditLog.ForSubjectAsync(db, AuditLog.Player(player)));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.CancelStarSubscription && m.IdempotencyKey == $"delete-cancel:{purchase:N}"));
    }

    [Fact]
    public async Task A_wrong_expired_or_aborted_token_deletes_nothing()
    {
        var (player, _) = await Kit.NewPlayerAsync();
        var token = (await Deletion.RequestAsync(player))!;

        Assert.Equal(DeletionOutcome.Expired, (await Deletion.ConfirmAsync(player, "0000000000000000")).Outcome);
        Time.Advance(PlayerDeletion.TokenLifetime);
        Assert.Equal(DeletionOutcome.Expired, (await Deletion.ConfirmAsync(player, token)).Outcome);

        var fresh = (await Deletion.RequestAsync(player))!;
        Assert.True(await Deletion.AbortAsync(player, fresh));
        Assert.Equal(DeletionOutcome.Expired, (await Deletion.ConfirmAsync(player, fresh)).Outcome);

        await using var db = Database.CreateContext();
        Assert.Null((await db.Players.SingleAsync(p => p.Id == player)).DeletedAt);
        Assert.Empty(await AuditLog.ForSubjectAsync(db, AuditLog.Player(player)));
    }

    [Fact]
    public async Task Leaderboards_leave_a_deleted_player_out_and_open_games_end()
    {
        var now = Time.GetUtcNow();
        await using var db = Database.CreateContext();
        await EnsureQuestionsAsync(db, now);
        var gone = await PlayerAsync(db, "Weg");
        var stays = await PlayerAsync(db, "Bleibt");
        await GameAsync(db, gone, GameMode.Survival, 90_000, 900, now.AddMinutes(-1), [1000]);
        await GameAsync(db, stays, GameMode.Survival, 80_000, 800, now.AddMinutes(-1), [1000]);
        await DailyAsync(db, gone, DateOnly.FromDateTime(now.UtcDateTime), 1000, now.AddMinutes(-1), [1000]);
        var open = await GameAsync(db, gone, GameMode.Quick, 100, 1, now, [1000], SessionState.Active);
        var boards = Core.Get<Leaderboards>();
        Assert.Contains((await boards.GetAsync(BoardKind.Survival, stays.Id)).Top, e => e.PlayerId == gone.Id);

        var result = await Deletion.ConfirmAsync(gone.Id, (await Deletion.RequestAsync(gone.Id))!);

        Assert.Equal(DeletionOutcome.Deleted, result.Outcome);
        foreach (var kind in new[] { BoardKind.Survival, BoardKind.Today, BoardKind.Week })
        {
            var board = await boards.GetAsync(kind, gone.Id);
            Assert.DoesNotContain(board.Top, e => e.PlayerId == gone.Id);
            Assert.Null(board.Me);
        }
        Assert.Contains((await boards.GetAsync(BoardKind.Survival, stays.Id)).Top, e => e.PlayerId == stays.Id);
        await using var check = Database.CreateContext();
        Assert.Equal(SessionState.Abandoned, (await check.GameSessions.SingleAsync(s => s.Id == open.Id)).State);
    }
}
