using Quiz.Core.AntiCheat;
using Quiz.Core.Audit;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Support;
using Quiz.Core.Game;
using Quiz.Core.Operations.Moderation;
using Quiz.Core.Players;
using Quiz.Core.Privacy;
using Quiz.IntegrationTests.Economy;
using Quiz.Testing;
using static Quiz.IntegrationTests.Game.Stats.StatsSeed;

namespace Quiz.IntegrationTests.Operations;

/// <summary>The console's "Spieler": search by Telegram id, number, name or username, and one player's page.</summary>
public sealed class PlayerReviewTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero))
{
    private PlayerReview Review => Core.Get<PlayerReview>();

    private static string Tag() => $"Qz{Guid.NewGuid():N}"[..10];

    private async Task<PlayerSnapshot> PlayerAsync(string firstName, string? username = null) =>
        await Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(Random.Shared.NextInt64(1, 1L << 52), firstName, username, "de"));

    [Fact]
    public async Task Search_finds_a_part_of_the_name_or_username_in_any_case_and_the_exact_telegram_id_or_number()
    {
        var tag = Tag();
        var anna = await PlayerAsync($"Anna{tag}berg", "anna_b");
        var bert = await PlayerAsync("Bert", $"x{tag.ToLowerInvariant()}y");
        await PlayerAsync("Carla", "carla");

        var byName = await Review.SearchAsync(new PlayerFilter(tag.ToUpperInvariant()));
        var byHandle = await Review.SearchAsync(new PlayerFilter($"@X{tag}"));
        var byTelegram = await Review.SearchAsync(new PlayerFilter(anna.TelegramUserId.ToString()));
        var byNumber = await Review.SearchAsync(new PlayerFilter($"#{bert.Id}"));
        var wildcard = await Review.SearchAsync(new PlayerFilter($"{tag}%"));

        Assert.Equal([anna.Id, bert.Id], byName.Items.Select(p => p.Id).Order());
        Assert.Equal((2, false), (byName.Total, byName.More));
        Assert.Equal(bert.Id, Assert.Single(byHandle.Items).Id);
        Assert.Equal(new PlayerRow(anna.Id, anna.TelegramUserId, $"Anna{tag}berg", "anna_b", Time.GetUtcNow(), Time.GetUtcNow(), false, false, false, 0),
            Assert.Single(byTelegram.Items));
        Assert.Equal(bert.Id, Assert.Single(byNumber.Items).Id);
        Assert.Empty(wildcard.Items);
    }

    [Fact]
    public async Task Search_pages_newest_players_first()
    {
        var tag = Tag();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add((await PlayerAsync($"{tag} {i}")).Id);

        var first = await Review.SearchAsync(new PlayerFilter(tag, Page: 0, PageSize: 2));
        var last = await Review.SearchAsync(new PlayerFilter(tag, Page: 2, PageSize: 2));

        Assert.Equal([ids[4], ids[3]], first.Items.Select(p => p.Id));
        Assert.Equal([ids[0]], last.Items.Select(p => p.Id));
        Assert.Equal(5, first.Total);
    }

    [Fact]
    public async Task One_or_two_letters_match_the_start_of_a_name_only()
    {
        var tag = Tag();
        var start = await PlayerAsync($"Xy{tag}");
        var inside = await PlayerAsync($"{tag}xy");

        var found = await Review.SearchAsync(new PlayerFilter("xY"));

        Assert.Contains(found.Items, p => p.Id == start.Id);
        Assert.DoesNotContain(found.Items, p => p.Id == inside.Id);
    }

    [Fact]
    public async Task A_deleted_account_is_found_by_its_number_only_and_shows_as_a_tombstone_with_its_kept_purchases()
    {
        var tag = Tag();
        var kit = new EconomyKit(Core);
        var player = await PlayerAsync($"Ida{tag}", "ida");
        var invoice = await kit.InvoiceAsync(player.Id, "spiele-10");
        var paid = await kit.ConfirmAsync(EconomyKit.Payment(player.TelegramUserId, invoice));
        var deletion = Core.Get<PlayerDeletion>();
        Assert.Equal(DeletionOutcome.Deleted, (await deletion.ConfirmAsync(player.Id, (await deletion.RequestAsync(player.Id))!)).Outcome);

        Assert.Empty((await Review.SearchAsync(new PlayerFilter(tag))).Items);
        Assert.Empty((await Review.SearchAsync(new PlayerFilter(player.TelegramUserId.ToString()))).Items);
        var row = Assert.Single((await Review.SearchAsync(new PlayerFilter(player.Id.ToString()))).Items);
        Assert.Equal((null, "", null, true), (row.TelegramUserId, row.FirstName, row.Username, row.Deleted));

        var page = (await Review.GetAsync(player.Id, withMoney: true))!;
        Assert.True(page.Account.Deleted);
        Assert.Equal((null, "", null, null), (page.Account.TelegramUserId, page.Account.FirstName, page.Account.Username, page.Account.LanguageCode));
        Assert.Equal(paid.PurchaseId, Assert.Single(page.Purchases).Id);
        Assert.Contains(page.Audit, a => a.Action == AuditActions.PlayerDeleted && a.Subject == AuditLog.Player(player.Id));
    }

    [Fact]
    public async Task The_player_page_holds_stats_recent_games_with_answer_times_purchases_ledger_cases_and_audit()
    {
        var kit = new EconomyKit(Core);
        var player = await PlayerAsync($"Jan{Tag()}", "jan");
        await using (var db = Database.CreateContext())
        {
            await EnsureQuestionsAsync(db, Time.GetUtcNow());
            var entity = await db.Players.FindAsync(player.Id);
            await GameAsync(db, entity!, GameMode.Quick, score: 200, correct: 2, Time.GetUtcNow().AddHours(-2), [4_000, 6_000, 8_000]);
            var survivalGame = await GameAsync(db, entity!, GameMode.Survival, score: 100, correct: 1, Time.GetUtcNow().AddHours(-1), [300, 500]);
            // The 50:50 joker took "Zwei" and "Drei" off the second question: less to read.
            survivalGame.Questions[1].RemovedPositions = [1, 2];
            db.SupportCases.Add(new SupportCase
            {
                Id = Guid.NewGuid(), PlayerId = player.Id, Status = SupportCaseStatus.Open, Text = "Meine Spiele fehlen.",
                CreatedAt = Time.GetUtcNow(), SubmittedAt = Time.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }
        var invoice = await kit.InvoiceAsync(player.Id, "spiele-10");
        var purchase = (await kit.ConfirmAsync(EconomyKit.Payment(player.TelegramUserId, invoice))).PurchaseId!.Value;
        Assert.Equal(RefundOutcome.Requested, await kit.RequestRefundAsync(purchase));
        var flag = await Core.Get<CheatFlags>().RaiseAsync(player.Id, FlagKind.FastAnswers, "game:1", 80, """{"fast": 2}""");
        Assert.Equal(ModerationResult.Done, await Core.Get<PlayerModeration>().HoldAsync(player.Id, "Zu schnell", "Mara"));

        var page = (await Review.GetAsync(player.Id, withMoney: true))!;

        Assert.Equal(new PlayerStats(Games: 2, FinishedGames: 2, Answers: 5, CorrectAnswers: 3, Points: 300, AverageAnswerMs: 3_760), page.Stats);
        Assert.Equal(0.6, page.Stats.Accuracy);
        Assert.Equal([GameMode.Survival, GameMode.Quick], page.RecentGames.Select(g => g.Mode));
        var survival = page.RecentGames[0];
        Assert.Equal([(0, 300, true), (1, 500, false)], survival.Answers.Select(a => (a.Ordinal, a.AnswerMs, a.IsCorrect)));
        // "Testfrage stat-0000?" and the options "Eins", "Zwei", "Drei", "Vier": 36 characters at 80/s plus 400 ms to tap;
        // after the joker only "Eins" and "Vier" are left: 28 characters.
        Assert.Equal([(850, true), (750, true)], survival.Answers.Select(a => (a.ReadingMs, a.TooFast)));
        Assert.DoesNotContain(page.RecentGames[1].Answers, a => a.TooFast);
        Assert.Equal((Time.GetUtcNow(), "Zu schnell"), (page.Account.RankingHeldAt, page.Account.RankingHoldReason));
        var flagged = Assert.Single(page.Flags);
        Assert.Equal((flag, FlagKind.FastAnswers, 80, FlagStatus.Open), (flagged.Id, flagged.Kind, flagged.Score, flagged.Status));
        Assert.Contains("\"fast\": 2", flagged.Evidence);
        Assert.Contains(page.Audit, a => a.Action == AuditActions.FlagRaised);
        Assert.Contains(page.Audit, a => a.Action == AuditActions.PlayerRankingHeld && a.Actor == "Mara" && a.Details == "Zu schnell");
        var bought = Assert.Single(page.Purchases);
        Assert.Equal((purchase, PurchaseStatus.RefundRequested, "spiele-10"), (bought.Id, bought.Status, bought.PackageId));
        Assert.Contains(page.Ledger, l => l is { Reason: LedgerReason.Purchase, Kind: AssetKind.GameCredit, Delta: 10 } && l.PurchaseId == purchase);
        Assert.Equal("Meine Spiele fehlen.", Assert.Single(page.SupportCases).Text);
        Assert.Contains(page.Audit, a => a.Action == AuditActions.RefundRequested && a.Subject == AuditLog.Purchase(purchase));
        var row = Assert.Single((await Review.SearchAsync(new PlayerFilter(player.Id.ToString()))).Items);
        Assert.Equal((false, true, 1), (row.Banned, row.Held, row.OpenFlags));
        Assert.Null(await Review.GetAsync(long.MaxValue, withMoney: true));

        // A moderator's page (PRODUCT.md: fair play, no money): the same player without purchases, ledger, cases or refunds.
        var moderators = (await Review.GetAsync(player.Id, withMoney: false))!;
        Assert.Equal((0, 0, 0), (moderators.Purchases.Count, moderators.Ledger.Count, moderators.SupportCases.Count));
        Assert.DoesNotContain(moderators.Audit, a => a.Subject == AuditLog.Purchase(purchase));
        Assert.Contains(moderators.Audit, a => a.Action == AuditActions.PlayerRankingHeld);
        Assert.Equal((page.Stats, page.Flags.Count, page.RecentGames.Count), (moderators.Stats, moderators.Flags.Count, moderators.RecentGames.Count));
    }
}
