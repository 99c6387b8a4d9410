using Bunit;
using Quiz.Admin.Auth;
using Quiz.Core.Audit;
using Quiz.Core.Tournaments;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;
using static Quiz.Admin.Tests.Infrastructure.TournamentConsole;

namespace Quiz.Admin.Tests;

/// <summary>The Gewinnstufen of the plan/edit dialog: the defaults shown, German messages for wrong tiers, the tiers saved as entered.</summary>
public sealed class TournamentRewardTiersDialogTests(PostgresDatabase database) : CoreTests(database)
{
    private const string AdminName = "Anna Admin";

    [Fact]
    public async Task Gewinnstufen_show_the_defaults_refuse_overlaps_and_bad_shares_in_German_and_save_the_tiers_entered()
    {
        var (id, _) = await TournamentAsync(Core, TournamentState.Scheduled);
        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        var (cut, dialogs) = Open(ctx, id);
        await cut.InvokeAsync(() => Row(cut, id).QuerySelector(".aktion-bearbeiten")!.Click());
        dialogs.WaitForAssertion(() => Assert.Equal(3, dialogs.FindAll(".gewinnstufe").Count), Patience);
        Assert.Equal("2", Field(dialogs, 1, "stufe-tickets").GetAttribute("value"));
        Assert.Equal("10", Field(dialogs, 3, "stufe-anteil").GetAttribute("value"));

        await dialogs.InvokeAsync(() => Field(dialogs, 2, "stufe-von").Input("1"));
        await dialogs.InvokeAsync(() => Field(dialogs, 3, "stufe-anteil").Input("150"));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-speichern").Click());
        dialogs.WaitForAssertion(() => Assert.Equal(
            ["Stufe 3: Der Anteil muss zwischen 1 und 100 % liegen.", "Stufe 1 und Stufe 2 überschneiden sich (Platz 1)."],
            dialogs.FindAll(".dialog-fehler-eintrag").Select(e => e.TextContent.Trim())), Patience);
        Assert.Null((await LoadAsync(Database, id)).RewardTiers);

        await dialogs.InvokeAsync(() => Field(dialogs, 2, "stufe-von").Input("2"));
        await dialogs.InvokeAsync(() => Field(dialogs, 2, "stufe-bis").Input("5"));
        await dialogs.InvokeAsync(() => Field(dialogs, 3, "stufe-anteil").Input("25"));
        await dialogs.InvokeAsync(() => dialogs.Find(".stufe-hinzufuegen").Click());
        dialogs.WaitForAssertion(() => Assert.Equal("6", Field(dialogs, 4, "stufe-von").GetAttribute("value")), Patience);
        await dialogs.InvokeAsync(() => Field(dialogs, 4, "stufe-joker").Input("0"));
        await dialogs.InvokeAsync(() => Field(dialogs, 4, "stufe-spiele").Input("3"));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-speichern").Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".turnier-dialog")), Patience);
        Assert.Equal(
            [
                TournamentRewards.Winner,
                RewardTier.Places(2, 5, new RewardContents(TournamentTickets: 1, Jokers: 3)),
                RewardTier.Top(25, new RewardContents(Jokers: 2)),
                RewardTier.Places(6, 6, new RewardContents(Games: 3)),
            ],
            (await LoadAsync(Database, id)).RewardTiers!);
        await using var db = Database.CreateContext();
        var edited = (await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(id)))[^1];
        Assert.Equal((AuditActions.TournamentEdited, AdminName), (edited.Action, edited.Actor));
        Assert.Contains("→ Platz 1: 2 Tickets, 5 Joker | Platz 2–5: 1 Ticket, 3 Joker | Top 25 %: 2 Joker | Platz 6: 3 Spiele", edited.Details);
    }

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<MudBlazor.MudDialogProvider> dialogs, int tier, string field) =>
        dialogs.Find($".gewinnstufe-{tier} .{field} input");
}
