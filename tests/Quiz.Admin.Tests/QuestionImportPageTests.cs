using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Quiz.Admin.Auth;
using Quiz.Admin.Texts;
using Quiz.Admin.Components.Pages;
using Quiz.Core.Questions;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;
using EconomyConsole = Quiz.Admin.Tests.Infrastructure.EconomyConsole;

namespace Quiz.Admin.Tests;

public sealed class QuestionImportPageTests(PostgresDatabase database) : CoreTests(database)
{
    private static QuestionContent Content(string id, string text) =>
        new(id, 1, text, ["Rhein", "Donau", "Elbe", "Weser"], 1, "Die Donau fließt durch Wien.", "Atlas");

    private static string Json(string categoryId, params QuestionContent[] questions) =>
        JsonSerializer.Serialize(new QuestionFile(new CategoryContent(categoryId, $"Kategorie {categoryId}", 7), questions));

    private static void Upload(IRenderedComponent<QuestionImportPage> cut, string json, string name) =>
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(json, name));

    private string[] Verdicts(IRenderedComponent<QuestionImportPage> cut) =>
        [.. cut.FindAll(".import-urteil").Select(td => td.GetAttribute("data-urteil")!)];

    private async Task<bool> StoredAsync(string id)
    {
        await using var db = Database.CreateContext();
        return await db.Questions.AnyAsync(q => q.Id == id);
    }

    [Fact]
    public async Task Import_shows_the_report_first_and_writes_only_after_Importieren()
    {
        await CategoryAsync(Database, "hochladen", "Kategorie hochladen");
        await QuestionAsync(Database, "hoch-0001", "hochladen", "Welcher Fluss fließt durch Wien?");
        await using var ctx = EconomyConsole.NewContext(Core, "Anna Admin", AdminRoles.Admin);
        RenderProviders(ctx);
        var cut = ctx.Render<QuestionImportPage>();

        Upload(cut, Json("hochladen", Content("hoch-0001", "Welcher Fluss fließt durch Wien?"), Content("hoch-0002", "Welcher Fluss fließt durch Ulm?")), "hochladen.json");

        cut.WaitForAssertion(() => Assert.Equal(["updated", "new"], Verdicts(cut)), Patience);
        Assert.Contains("Die Datei ist gültig.", cut.Find(".import-ergebnis").TextContent);
        Assert.False(await StoredAsync("hoch-0002"));

        await cut.InvokeAsync(() => cut.Find(".import-anwenden").Click());

        cut.WaitForAssertion(() => Assert.Contains("Import abgeschlossen.", cut.Find(".import-ergebnis").TextContent), Patience);
        Assert.True(await StoredAsync("hoch-0002"));
        Assert.Equal(1, (await LoadAsync(Database, "hoch-0001")).CorrectOption);
        Assert.Empty(cut.FindAll(".import-anwenden"));
    }

    [Fact]
    public async Task A_moderator_may_check_a_file_but_the_import_is_refused_on_the_click()
    {
        await CategoryAsync(Database, "verwehrt", "Kategorie verwehrt");
        await using var ctx = NewContext(Core);
        RenderProviders(ctx);
        var cut = ctx.Render<QuestionImportPage>();
        Upload(cut, Json("verwehrt", Content("verw-0001", "Welcher Fluss fließt durch Passau?")), "verwehrt.json");
        cut.WaitForAssertion(() => Assert.Equal(["new"], Verdicts(cut)), Patience);

        await cut.InvokeAsync(() => cut.Find(".import-anwenden").Click());

        Assert.Contains(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == AdminTexts.Import.AdminOnly);
        Assert.False(await StoredAsync("verw-0001"));
    }

    [Fact]
    public async Task A_file_with_a_rejected_question_shows_the_german_reasons_and_offers_no_import()
    {
        await using var ctx = NewContext(Core);
        RenderProviders(ctx);
        var cut = ctx.Render<QuestionImportPage>();

        Upload(cut, Json("abgelehnt", Content("abg-0001", "Welcher Fluss fließt durch Köln?"), Content("abg-0002", "") with { Difficulty = 5 }), "abgelehnt.json");

        cut.WaitForAssertion(() => Assert.Equal(["new", "rejected"], Verdicts(cut)), Patience);
        Assert.Contains("Die Datei hat Fehler und wird so nicht importiert.", cut.Find(".import-ergebnis").TextContent);
        var notes = cut.FindAll(".import-hinweise")[1].TextContent;
        Assert.Contains("Die Schwierigkeit muss 1, 2 oder 3 sein.", notes);
        Assert.Contains("Der Fragetext muss 1–300 Zeichen lang sein", notes);
        Assert.Empty(cut.FindAll(".import-anwenden"));
        Assert.False(await StoredAsync("abg-0001"));
    }

    [Fact]
    public async Task A_file_that_is_not_question_json_is_explained()
    {
        await using var ctx = NewContext(Core);
        RenderProviders(ctx);
        var cut = ctx.Render<QuestionImportPage>();

        Upload(cut, "{ \"category\": 42 }", "kaputt.json");

        cut.WaitForAssertion(() => Assert.Contains("kein gültiges Fragen-JSON", cut.Find(".import-dateifehler").TextContent), Patience);
        Assert.Empty(cut.FindAll(".import-anwenden"));
    }
}
