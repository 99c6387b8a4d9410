using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Support;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy.Admin;

public sealed class SupportCaseAdministrationTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    private EconomyKit Kit => new(Core);

    private SupportCaseAdministration Cases() => Core.Get<SupportCaseAdministration>();

    private async Task<(long PlayerId, long TelegramUserId)> PlayerAsync(string firstName, string? username)
    {
        var telegram = Random.Shared.NextInt64(1_000_000, long.MaxValue);
        var player = await Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(telegram, firstName, username, "de"));
        return (player.Id, telegram);
    }

    private async Task<(Guid Purchase, string Charge)> BuyAsync(long player, long telegram, string package)
    {
        var payment = EconomyKit.Payment(telegram, await Kit.InvoiceAsync(player, package));
        Time.Advance(TimeSpan.FromMinutes(1));
        return ((await Kit.ConfirmAsync(payment)).PurchaseId!.Value, payment.TelegramPaymentChargeId);
    }

    private async Task<long?> OpenCaseAsync(long player, string? text)
    {
        Time.Advance(TimeSpan.FromMinutes(1));
        await using var scope = Core.Scope();
        return (await scope.Get<SupportDesk>().OpenAsync(player, text)).Number;
    }

    private async Task<Guid> CaseIdAsync(long number)
    {
        await using var db = Database.CreateContext();
        return await db.SupportCases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task Open_cases_are_listed_with_the_players_purchases_and_found_by_telegram_id_name_username_or_number()
    {
        var (berta, bertaTelegram) = await PlayerAsync("Berta", "berta_support");
        var (carl, carlTelegram) = await PlayerAsync("Carlotta", null);
        var (dora, _) = await PlayerAsync("Dora", null);
        var (games, gamesCharge) = await BuyAsync(berta, bertaTelegram, "spiele-10");
        var (jokers, _) = await BuyAsync(berta, bertaTelegram, "joker-5");
        var bertaCase = (await OpenCaseAsync(berta, "  Die Spiele sind nicht angekommen.  "))!.Value;
        var bertaAt = Time.GetUtcNow();
        var carlCase = (await OpenCaseAsync(carl, "Ich wurde doppelt belastet."))!.Value;
        Assert.Null(await OpenCaseAsync(dora, null));
        var cases = Cases();

        async Task<long[]> Numbers(SupportCaseFilter filter) => [.. (await cases.SearchAsync(filter)).Items.Select(r => r.Number)];

        Assert.Equal([bertaCase, carlCase], (await Numbers(new SupportCaseFilter())).Where(n => n == bertaCase || n == carlCase));
        var all = await cases.SearchAsync(new SupportCaseFilter(View: SupportCaseView.All, PageSize: 100));
        Assert.DoesNotContain(all.Items, r => r.PlayerId == dora);
        Assert.Equal([bertaCase], await Numbers(new SupportCaseFilter(bertaTelegram.ToString())));
        Assert.Equal([bertaCase], await Numbers(new SupportCaseFilter("@BERTA_SUP")));
        Assert.Equal([carlCase], await Numbers(new SupportCaseFilter("carlott")));
        Assert.Equal([carlCase], await Numbers(new SupportCaseFilter($"#{carlCase}")));
        Assert.Equal([carlCase], await Numbers(new SupportCaseFilter(carlCase.ToString())));
        Assert.Empty(await Numbers(new SupportCaseFilter(carlTelegram.ToString(), SupportCaseView.Closed)));
        Assert.Empty(await Numbers(new SupportCaseFilter("100%_")));

        var row = Assert.Single((await cases.SearchAsync(new SupportCaseFilter(bertaTelegram.ToString()))).Items);
        Assert.Equal((SupportCaseStatus.Open, "Die Spiele sind nicht angekommen.", "Berta", "berta_support", bertaTelegram, bertaAt),
            (row.Status, row.Text, row.FirstName, row.Username, row.TelegramUserId, row.SubmittedAt));
        Assert.Equal([jokers, games], row.Purchases.Select(p => p.Id));
        var bought = row.Purchases[1];
        Assert.Equal((gamesCharge, "spiele-10", "10 Spiele", PurchaseStatus.Completed), (bought.TelegramPaymentChargeId, bought.PackageId, bought.PackageTitle, bought.Status));
        Assert.Empty(Assert.Single((await cases.SearchAsync(new SupportCaseFilter(carlTelegram.ToString()))).Items).Purchases);

        var page = await cases.SearchAsync(new SupportCaseFilter(View: SupportCaseView.All, PageSize: 1));
        Assert.True(page.Total >= 2);
        Assert.Single(page.Items);
        Assert.True(await cases.CountOpenAsync() >= 2);
    }

    [Fact]
    public async Task Closing_a_case_eight_times_at_once_closes_it_once_with_one_notice_and_the_reply()
    {
        var (player, telegram) = await PlayerAsync("Emil", "emil");
        var number = (await OpenCaseAsync(player, "Mein Joker fehlt."))!.Value;
        var id = await CaseIdAsync(number);
        Time.Advance(TimeSpan.FromMinutes(5));

        var results = await StartLine.RunAsync(8, async line =>
        {
            var cases = Cases();
            await line.ArriveAsync();
            return await cases.CloseAsync(id, "  Wir haben dir den Joker gutgeschrieben.  ", "Anna Admin");
        });

        Assert.Equal(1, results.Count(r => r.Outcome == SupportCloseOutcome.Closed));
        Assert.Equal(7, results.Count(r => r.Outcome == SupportCloseOutcome.AlreadyClosed));
        await using var scope = Core.Scope();
        var db = scope.Db;
        var closed = await db.SupportCases.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal((SupportCaseStatus.Closed, Time.GetUtcNow(), "Anna Admin", "Wir haben dir den Joker gutgeschrieben."),
            (closed.Status, closed.ClosedAt!.Value, closed.ClosedBy, closed.Reply));
        var notice = Assert.Single(await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey == $"support-closed:{id:N}").ToListAsync());
        Assert.Equal((OutboxKinds.Notice, telegram), (notice.Kind, notice.ChatId!.Value));
        var payload = OutboxWriter.ReadPayload<NoticePayload>(notice.Payload);
        Assert.Equal((EconomyNotices.SupportClosed, id), (payload.Topic, payload.SubjectId!.Value));
        Assert.Equal(new SupportClosure(number, "Wir haben dir den Joker gutgeschrieben."), await scope.Get<SupportDesk>().ClosureAsync(id));

        var cases = Cases();
        Assert.Equal(SupportCloseOutcome.AlreadyClosed, (await cases.CloseAsync(id, "anders", "Bernd Admin")).Outcome);
        Assert.Empty((await cases.SearchAsync(new SupportCaseFilter(telegram.ToString()))).Items);
        var listed = Assert.Single((await cases.SearchAsync(new SupportCaseFilter(telegram.ToString(), SupportCaseView.Closed))).Items);
        Assert.Equal(("Anna Admin", "Wir haben dir den Joker gutgeschrieben."), (listed.ClosedBy, listed.Reply));
    }

    [Fact]
    public async Task A_too_long_reply_is_refused_in_German_and_unknown_or_draft_cases_are_not_found()
    {
        var (player, _) = await PlayerAsync("Frida", null);
        var number = (await OpenCaseAsync(player, "Zahlung doppelt abgebucht."))!.Value;
        var id = await CaseIdAsync(number);
        var cases = Cases();

        var refused = await cases.CloseAsync(id, new string('x', SupportCase.MaxReplyLength + 1), "Anna Admin");

        Assert.Equal(SupportCloseOutcome.Invalid, refused.Outcome);
        Assert.Equal("Die Antwort an den Spieler darf höchstens 1000 Zeichen lang sein (jetzt: 1001).", refused.Problem);
        await using (var scope = Core.Scope())
        {
            Assert.Equal(SupportCaseStatus.Open, (await scope.Db.SupportCases.AsNoTracking().SingleAsync(c => c.Id == id)).Status);
            Assert.False(await scope.Db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == $"support-closed:{id:N}"));
            Assert.Null(await scope.Get<SupportDesk>().ClosureAsync(id));
        }

        Assert.Equal(SupportCloseOutcome.Closed, (await cases.CloseAsync(id, "   ", "Anna Admin")).Outcome);
        await using (var db = Database.CreateContext())
        {
            Assert.Null((await db.SupportCases.AsNoTracking().SingleAsync(c => c.Id == id)).Reply);
        }
        Assert.Equal(SupportCloseOutcome.NotFound, (await cases.CloseAsync(Guid.NewGuid(), null, "Anna Admin")).Outcome);
        var (drafter, _) = await PlayerAsync("Gerd", null);
        await OpenCaseAsync(drafter, null);
        await using var check = Database.CreateContext();
        var draft = await check.SupportCases.Where(c => c.PlayerId == drafter).Select(c => c.Id).SingleAsync();
        Assert.Equal(SupportCloseOutcome.NotFound, (await cases.CloseAsync(draft, null, "Anna Admin")).Outcome);
    }
}
