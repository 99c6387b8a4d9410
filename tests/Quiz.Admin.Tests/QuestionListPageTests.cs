using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Quiz.Admin.Components.Pages;
using Quiz.Core.Questions;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;

namespace Quiz.Admin.Tests;

public sealed class QuestionListPageTests(PostgresDatabase database) : CoreTests(database)
{
    private static string[] Ids(IRenderedComponent<QuestionList> cut) => [.. cut.FindAll(".frage-id").Select(td => td.TextContent.Trim())];

    private static string StatusOf(IRenderedComponent<QuestionList> cut, string id) =>
        cut.FindAll(".fragen-tabelle tbody tr").Single(tr => tr.QuerySelector(".frage-id")?.TextContent.Trim() == id)
            .QuerySelector(".frage-status")!.GetAttribute("data-status")!;

    [Fact]
    public async Task Fragen_filters_on_the_server_by_search_and_open_reports()
    {
        await CategoryAsync(Database, "filter", "Filter");
        await QuestionAsync(Database, "fil-0001", "filter", "Wie hoch ist der Brocken?");
        await QuestionAsync(Database, "fil-0002", "filter", "Wie tief ist der Brockensee?");
        await QuestionAsync(Database, "fil-0003", "filter", "Wie lang ist die Elbe?");
        await ReportsAsync(Database, "fil-0002", ReportReason.Typo);
        await using var ctx = NewContext(Core);
        RenderProviders(ctx);

        var cut = ctx.Render<QuestionList>();
        cut.WaitForAssertion(() => Assert.Contains("fil-0003", Ids(cut)), Patience);
        Assert.Empty(cut.FindAll(".fragen-import")); // importing a whole file is an admin's step
        await cut.InvokeAsync(() => cut.Find(".filter-suche input").Input("brocken"));

        cut.WaitForAssertion(() => Assert.Equal(["fil-0001", "fil-0002"], Ids(cut)), Patience);
        await cut.InvokeAsync(() => cut.Find(".filter-meldungen input").Change(true));
        cut.WaitForAssertion(() => Assert.Equal(["fil-0002"], Ids(cut)), Patience);
        Assert.Equal("1", cut.Find(".frage-meldungen").TextContent.Trim());
        await cut.InvokeAsync(() => cut.Find(".filter-suche input").Input("gibt es nicht"));
        cut.WaitForAssertion(() => Assert.Contains("Keine Fragen gefunden.", cut.Find(".fragen-leer").TextContent), Patience);
    }

    [Fact]
    public async Task Sperren_and_Reaktivieren_change_the_status_in_the_database_and_the_row()
    {
        await CategoryAsync(Database, "knopf", "Knopf");
        await QuestionAsync(Database, "kno-0001", "knopf", "Welche Farbe hat ein Knopf?");
        await using var ctx = NewContext(Core);
        RenderProviders(ctx);
        var cut = ctx.Render<QuestionList>();
        await cut.InvokeAsync(() => cut.Find(".filter-suche input").Input("kno-0001"));
        cut.WaitForAssertion(() => Assert.Equal(["kno-0001"], Ids(cut)), Patience);

        await cut.InvokeAsync(() => cut.Find(".aktion-sperren").Click());

        cut.WaitForAssertion(() => Assert.Equal("suspended", StatusOf(cut, "kno-0001")), Patience);
        Assert.Equal(QuestionStatus.Suspended, (await LoadAsync(Database, "kno-0001")).Status);
        await cut.InvokeAsync(() => cut.Find(".aktion-reaktivieren").Click());
        cut.WaitForAssertion(() => Assert.Equal("active", StatusOf(cut, "kno-0001")), Patience);
        Assert.Equal(QuestionStatus.Active, (await LoadAsync(Database, "kno-0001")).Status);
    }

    [Fact]
    public async Task Ausmustern_asks_first_and_retires_only_on_yes()
    {
        await CategoryAsync(Database, "muster", "Muster");
        await QuestionAsync(Database, "mus-0001", "muster", "Was ist ein Ausmusterungsgrund?");
        await using var ctx = NewContext(Core);
        var dialogs = RenderProviders(ctx);
        var cut = ctx.Render<QuestionList>();
        await cut.InvokeAsync(() => cut.Find(".filter-suche input").Input("mus-0001"));
        cut.WaitForAssertion(() => Assert.Equal(["mus-0001"], Ids(cut)), Patience);

        await cut.InvokeAsync(() => cut.Find(".aktion-ausmustern").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("Frage ausmustern?", dialogs.Markup), Patience);
        Assert.Equal(QuestionStatus.Active, (await LoadAsync(Database, "mus-0001")).Status);
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Ausmustern").Click());

        cut.WaitForAssertion(() => Assert.Equal("retired", StatusOf(cut, "mus-0001")), Patience);
        Assert.Equal(QuestionStatus.Retired, (await LoadAsync(Database, "mus-0001")).Status);
    }

    [Fact]
    public async Task Bearbeiten_shows_german_errors_for_invalid_content_and_saves_a_valid_change()
    {
        await CategoryAsync(Database, "dialog", "Dialog");
        await QuestionAsync(Database, "dia-0001", "dialog", "Wie heißt die Hauptstadt von Malta?");
        await using var ctx = NewContext(Core);
        var dialogs = RenderProviders(ctx);
        var cut = ctx.Render<QuestionList>();
        await cut.InvokeAsync(() => cut.Find(".filter-suche input").Input("dia-0001"));
        cut.WaitForAssertion(() => Assert.Equal(["dia-0001"], Ids(cut)), Patience);

        await cut.InvokeAsync(() => cut.Find(".aktion-bearbeiten").Click());
        dialogs.WaitForAssertion(() => Assert.Equal("Wie heißt die Hauptstadt von Malta?", dialogs.Find(".feld-text textarea").GetAttribute("value") ?? dialogs.Find(".feld-text textarea").TextContent), Patience);
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-antwort-1 input").Input("Eins"));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-speichern").Click());

        dialogs.WaitForAssertion(() => Assert.Contains(
            "Die 4 Antworten müssen verschieden sein.", dialogs.FindAll(".dialog-fehler-eintrag").Select(li => li.TextContent.Trim())), Patience);
        Assert.Equal(["Eins", "Zwei", "Drei", "Vier"], (await LoadAsync(Database, "dia-0001")).Options);

        await dialogs.InvokeAsync(() => dialogs.Find(".feld-antwort-1 input").Input("Valletta"));
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-text textarea").Input("Wie heißt die Hauptstadt der Republik Malta?"));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-speichern").Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".frage-dialog")), Patience);
        var stored = await LoadAsync(Database, "dia-0001");
        Assert.Equal(("Wie heißt die Hauptstadt der Republik Malta?", "Valletta"), (stored.Text, stored.Options[1]));
        cut.WaitForAssertion(() => Assert.Equal("Wie heißt die Hauptstadt der Republik Malta?", cut.Find(".frage-text .frage-wortlaut").TextContent.Trim()), Patience);
    }

    [Fact]
    public async Task Every_difficulty_option_names_its_own_difficulty_in_the_filter_and_the_editor()
    {
        await CategoryAsync(Database, "stufe", "Stufe");
        await QuestionAsync(Database, "stu-0001", "stufe", "Wie schwer ist diese Frage?");
        await QuestionAsync(Database, "stu-0002", "stufe", "Wie schwer ist jene Frage?");
        await using (var db = Database.CreateContext())
        {
            await db.Questions.Where(q => q.Id == "stu-0001").ExecuteUpdateAsync(s => s.SetProperty(q => q.Difficulty, (short)2));
        }
        await using var ctx = NewContext(Core);
        var popovers = ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<QuestionList>();
        await cut.InvokeAsync(() => cut.Find(".filter-suche input").Input("stu-"));
        cut.WaitForAssertion(() => Assert.Equal(["stu-0001", "stu-0002"], Ids(cut)), Patience);

        await cut.InvokeAsync(() => cut.Find(".filter-schwierigkeit .mud-select-input").MouseDown());
        popovers.WaitForAssertion(() => Assert.Equal(["Alle", "1 · leicht", "2 · mittel", "3 · schwer"], Options(popovers)), Patience);
        await popovers.InvokeAsync(() => popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "2 · mittel").Click());
        cut.WaitForAssertion(() => Assert.Equal(["stu-0001"], Ids(cut)), Patience);
        Assert.Equal("2 · mittel", cut.Find(".frage-schwierigkeit").TextContent.Trim());

        await cut.InvokeAsync(() => cut.Find(".aktion-bearbeiten").Click());
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".feld-schwierigkeit")), Patience);
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-schwierigkeit .mud-select-input").MouseDown());
        popovers.WaitForAssertion(() => Assert.Equal(["1 · leicht", "2 · mittel", "3 · schwer"], Options(popovers)), Patience);
        await popovers.InvokeAsync(() => popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "3 · schwer").Click());
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-speichern").Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".frage-dialog")), Patience);
        Assert.Equal(3, (await LoadAsync(Database, "stu-0001")).Difficulty);
    }

    private static string[] Options(IRenderedComponent<MudPopoverProvider> popovers) =>
        [.. popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim())];
}
