using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy.Support;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy;

public sealed class SupportDeskTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    private EconomyKit Kit => new(Core);

    private async Task<SupportResult> OpenAsync(long player, string? text)
    {
        await using var scope = Core.Scope();
        return await scope.Get<SupportDesk>().OpenAsync(player, text);
    }

    private async Task<SupportResult> SubmitAsync(long player, string text)
    {
        await using var scope = Core.Scope();
        return await scope.Get<SupportDesk>().SubmitAsync(player, text);
    }

    private async Task<SupportResult> CancelAsync(long player)
    {
        await using var scope = Core.Scope();
        return await scope.Get<SupportDesk>().CancelDraftAsync(player);
    }

    private async Task<SupportClosure?> ClosureAsync(Guid caseId)
    {
        await using var scope = Core.Scope();
        return await scope.Get<SupportDesk>().ClosureAsync(caseId);
    }

    private async Task<List<SupportCase>> CasesAsync(long player)
    {
        await using var db = Database.CreateContext();
        return await db.SupportCases.AsNoTracking().Where(c => c.PlayerId == player).OrderBy(c => c.Number).ToListAsync();
    }

    private async Task<long> PlayerAsync() => (await Kit.NewPlayerAsync()).PlayerId;

    [Fact]
    public async Task Paysupport_without_text_waits_for_the_next_message_which_opens_the_case_with_a_number()
    {
        var player = await PlayerAsync();

        Assert.Equal(new SupportResult(SupportOutcome.AwaitingText), await OpenAsync(player, null));
        var draft = Assert.Single(await CasesAsync(player));
        Assert.Equal((SupportCaseStatus.Draft, (string?)null), (draft.Status, draft.Text));

        Time.Advance(TimeSpan.FromMinutes(5));
        var opened = await SubmitAsync(player, "  Meine 50 Sterne sind weg, aber keine Spiele.  ");

        Assert.Equal((SupportOutcome.Opened, draft.Number), (opened.Outcome, opened.Number!.Value));
        var row = Assert.Single(await CasesAsync(player));
        Assert.Equal((draft.Id, SupportCaseStatus.Open, "Meine 50 Sterne sind weg, aber keine Spiele.", Time.GetUtcNow()),
            (row.Id, row.Status, row.Text, row.SubmittedAt!.Value));
        Assert.Equal(SupportOutcome.NoDraft, (await SubmitAsync(player, "Noch eine Nachricht")).Outcome);
        Assert.Null(await ClosureAsync(row.Id));
    }

    [Fact]
    public async Task Paysupport_with_text_opens_the_case_at_once_and_a_closed_case_reports_its_reply()
    {
        var player = await PlayerAsync();

        var first = await OpenAsync(player, "Kauf nicht angekommen");
        var second = await OpenAsync(player, new string('x', SupportCase.MaxTextLength));

        Assert.Equal((SupportOutcome.Opened, SupportOutcome.Opened), (first.Outcome, second.Outcome));
        Assert.True(second.Number > first.Number);
        var cases = await CasesAsync(player);
        Assert.Equal([first.Number!.Value, second.Number!.Value], cases.Select(c => c.Number));
        Assert.All(cases, c => Assert.Equal(SupportCaseStatus.Open, c.Status));
        Assert.Null(await ClosureAsync(cases[0].Id));

        var closed = await Core.Get<SupportCaseAdministration>().CloseAsync(cases[0].Id, "Sterne erstattet.", "Anna Admin");
        Assert.Equal(SupportCloseOutcome.Closed, closed.Outcome);
        Assert.Equal(new SupportClosure(first.Number.Value, "Sterne erstattet."), await ClosureAsync(cases[0].Id));
        Assert.Null(await ClosureAsync(cases[1].Id));
        Assert.Null(await ClosureAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task A_too_short_or_too_long_description_is_refused_and_keeps_the_draft()
    {
        var player = await PlayerAsync();
        await OpenAsync(player, null);

        Assert.Equal(SupportOutcome.TooShort, (await SubmitAsync(player, "  abc   ")).Outcome);
        Assert.Equal(SupportOutcome.TooLong, (await SubmitAsync(player, new string('x', SupportCase.MaxTextLength + 1))).Outcome);
        Assert.Equal(SupportOutcome.TooShort, (await OpenAsync(player, "abcd")).Outcome);
        Assert.Equal(SupportOutcome.TooLong, (await OpenAsync(player, new string('y', SupportCase.MaxTextLength + 1))).Outcome);
        var draft = Assert.Single(await CasesAsync(player));
        Assert.Equal((SupportCaseStatus.Draft, (string?)null), (draft.Status, draft.Text));

        var opened = await SubmitAsync(player, "abcde");
        Assert.Equal((SupportOutcome.Opened, draft.Number), (opened.Outcome, opened.Number!.Value));
        Assert.Equal("abcde", Assert.Single(await CasesAsync(player)).Text);
    }

    [Fact]
    public async Task A_draft_older_than_thirty_minutes_no_longer_takes_the_next_message()
    {
        var player = await PlayerAsync();
        await OpenAsync(player, null);
        Time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(new SupportResult(SupportOutcome.NoDraft), await SubmitAsync(player, "Wo sind meine Sterne?"));
        Assert.DoesNotContain(await CasesAsync(player), c => c.Status == SupportCaseStatus.Open);

        Assert.Equal(SupportOutcome.AwaitingText, (await OpenAsync(player, null)).Outcome);
        Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(SupportOutcome.Opened, (await SubmitAsync(player, "Wo sind meine Sterne?")).Outcome);
        Assert.Equal(SupportCaseStatus.Open, Assert.Single(await CasesAsync(player)).Status);
    }

    [Fact]
    public async Task Parallel_paysupport_without_text_leaves_one_draft_and_parallel_messages_open_it_once()
    {
        var player = await PlayerAsync();

        var opens = await StartLine.RunAsync(8, async line =>
        {
            await line.ArriveAsync();
            return await OpenAsync(player, null);
        });

        Assert.All(opens, o => Assert.Equal(SupportOutcome.AwaitingText, o.Outcome));
        var draft = Assert.Single(await CasesAsync(player));
        Assert.Equal(SupportCaseStatus.Draft, draft.Status);

        var submits = await StartLine.RunAsync(4, async line =>
        {
            await line.ArriveAsync();
            return await SubmitAsync(player, "Doppelt abgebucht");
        });
        Assert.Equal(draft.Number, Assert.Single(submits, s => s.Outcome == SupportOutcome.Opened).Number);
        Assert.Equal(3, submits.Count(s => s.Outcome == SupportOutcome.NoDraft));
        Assert.Equal(SupportCaseStatus.Open, Assert.Single(await CasesAsync(player)).Status);
    }

    [Fact]
    public async Task A_player_holds_at_most_three_open_cases_also_when_opening_in_parallel()
    {
        var player = await PlayerAsync();

        var opens = await StartLine.RunAsync(6, async line =>
        {
            await line.ArriveAsync();
            return await OpenAsync(player, "Bitte um Hilfe");
        });

        Assert.Equal(SupportDesk.MaxOpenPerPlayer, opens.Count(o => o.Outcome == SupportOutcome.Opened));
        Assert.Equal(3, opens.Count(o => o.Outcome == SupportOutcome.TooManyOpen));
        Assert.Equal(new SupportResult(SupportOutcome.TooManyOpen), await OpenAsync(player, null));
        Assert.Equal(SupportOutcome.NoDraft, (await SubmitAsync(player, "Noch ein Fall")).Outcome);
        var cases = await CasesAsync(player);
        Assert.Equal(3, cases.Count);
        Assert.All(cases, c => Assert.Equal(SupportCaseStatus.Open, c.Status));

        await Core.Get<SupportCaseAdministration>().CloseAsync(cases[0].Id, null, "Anna Admin");
        Assert.Equal(SupportOutcome.Opened, (await OpenAsync(player, "Jetzt wieder möglich")).Outcome);
    }

    [Fact]
    public async Task Abbrechen_drops_the_draft_only()
    {
        var player = await PlayerAsync();
        var open = await OpenAsync(player, "Ein offener Fall");
        await OpenAsync(player, null);

        Assert.Equal(new SupportResult(SupportOutcome.Canceled), await CancelAsync(player));
        Assert.Equal(new SupportResult(SupportOutcome.NoDraft), await CancelAsync(player));
        Assert.Equal(SupportOutcome.NoDraft, (await SubmitAsync(player, "Zu spät eingefallen")).Outcome);
        var remaining = Assert.Single(await CasesAsync(player));
        Assert.Equal((open.Number!.Value, SupportCaseStatus.Open), (remaining.Number, remaining.Status));
    }
}
