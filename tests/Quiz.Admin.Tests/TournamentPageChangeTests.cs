using Bunit;
using Quiz.Admin.Auth;
using Quiz.Admin.Texts;
using Quiz.Core.Audit;
using Quiz.Core.Tournaments;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;
using static Quiz.Admin.Tests.Infrastructure.TournamentConsole;

namespace Quiz.Admin.Tests;

/// <summary>"Bearbeiten" and "Absagen" on the Turniere page: German validation in the dialog, a confirmation before cancelling.</summary>
public sealed class TournamentPageChangeTests(PostgresDatabase database) : CoreTests(database)
{
    private const string AdminName = "Anna Admin";

    [Fact]
    public async Task Bearbeiten_opens_the_tournament_as_it_is_checks_in_German_and_saves_the_change()
    {
        var (id, title) = await TournamentAsync(Core, TournamentState.Scheduled);
        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        var (cut, dialogs) = Open(ctx, id);

        await cut.InvokeAsync(() => Row(cut, id).QuerySelector(".aktion-bearbeiten")!.Click());
        dialogs.WaitForAssertion(() => Assert.Equal(title, dialogs.Find(".feld-titel input").GetAttribute("value")), Patience);
        Assert.Contains(AdminTexts.Tournaments.EditorEdit, dialogs.Markup);
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-fragen input").Input("50"));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-speichern").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("Ein Turnier hat 3 bis 30 Fragen.", dialogs.FindAll(".dialog-fehler-eintrag").Select(e => e.TextContent.Trim())), Patience);
        Assert.Equal(3, (await LoadAsync(Database, id)).QuestionCount);

        await dialogs.InvokeAsync(() => dialogs.Find(".feld-fragen input").Input("12"));
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-titel input").Input("Umbenannt"));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-speichern").Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".turnier-dialog")), Patience);
        var stored = await LoadAsync(Database, id);
        Assert.Equal(("Umbenannt", 12, TournamentState.Scheduled), (stored.Title, stored.QuestionCount, stored.State));
        cut.WaitForAssertion(() => Assert.Equal("Umbenannt", Row(cut, id).QuerySelector(".turnier-titel")!.TextContent.Trim()), Patience);
        await using var db = Database.CreateContext();
        var audit = await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(id));
        Assert.Equal((AuditActions.TournamentEdited, AdminName), (audit[^1].Action, audit[^1].Actor));
    }

    [Fact]
    public async Task Absagen_asks_first_then_cancels_and_leaves_no_edit_or_cancel_button()
    {
        var (id, _) = await TournamentAsync(Core, TournamentState.Scheduled);
        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        var (cut, dialogs) = Open(ctx, id);

        await cut.InvokeAsync(() => Row(cut, id).QuerySelector(".aktion-absagen")!.Click());
        dialogs.WaitForAssertion(() => Assert.Contains(AdminTexts.Tournaments.CancelQuestion, dialogs.Markup), Patience);
        Assert.Equal(TournamentState.Scheduled, (await LoadAsync(Database, id)).State);
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == AdminTexts.Tournaments.CancelTournament).Click());

        cut.WaitForAssertion(() => Assert.Equal("Cancelled", StateOf(cut, id)), Patience);
        Assert.Equal("Abgesagt", Row(cut, id).QuerySelector(".turnier-status")!.TextContent.Trim());
        Assert.Null(Row(cut, id).QuerySelector(".aktion-bearbeiten"));
        Assert.Null(Row(cut, id).QuerySelector(".aktion-absagen"));
        var stored = await LoadAsync(Database, id);
        Assert.Equal(TournamentState.Cancelled, stored.State);
        await using var db = Database.CreateContext();
        Assert.Contains(await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(id)), a => (a.Action, a.Actor) == (AuditActions.TournamentCancelled, AdminName));
    }
}
