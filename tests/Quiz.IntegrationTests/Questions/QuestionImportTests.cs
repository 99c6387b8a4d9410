using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Questions;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Questions;

public sealed class QuestionImportTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero))
{
    private QuestionImport Import() => Core.Get<QuestionImport>();

    private static QuestionContent Content(string id, string text, short correct = 1) =>
        new(id, 2, text, ["Rhein", "Donau", "Elbe", "Weser"], correct, "Die Donau fließt durch vier Hauptstädte.", "Atlas", "fluss");

    private static string Json(string categoryId, string categoryName, params QuestionContent[] questions) =>
        JsonSerializer.Serialize(new QuestionFile(new CategoryContent(categoryId, categoryName, 5), questions));

    [Fact]
    public async Task Check_reports_new_updated_unchanged_and_rejected_in_german_and_writes_nothing()
    {
        await QuestionSeed.CategoryAsync(Database, "bericht", "Bericht");
        await Import().ApplyAsync("bericht.json", Json("bericht", "Bericht", Content("ber-0001", "Welcher Fluss fließt durch Wien?"), Content("ber-0002", "Welcher Fluss fließt durch Dresden?")));
        var json = Json("bericht", "Bericht",
            Content("ber-0001", "Welcher Fluss fließt durch Wien?"),
            Content("ber-0002", "Welcher Fluss fließt durch Dresden?", correct: 2),
            Content("ber-0003", "Welcher Fluss fließt durch Bremen?"),
            Content("ber-0004", "Welcher Fluss fließt durch Köln?") with { Options = ["Rhein", "Rhein", "Elbe", "Weser"] },
            Content("ber-0005", "welcher fluss  fließt durch WIEN?"));

        var report = await Import().CheckAsync("bericht.json", json);

        Assert.False(report.IsValid);
        Assert.Empty(report.FileErrors);
        Assert.Equal(ImportVerdict.Unchanged, report.CategoryVerdict);
        Assert.Equal(
            [ImportVerdict.Unchanged, ImportVerdict.Updated, ImportVerdict.New, ImportVerdict.Rejected, ImportVerdict.Rejected],
            report.Lines.Select(l => l.Verdict));
        Assert.Equal(["Richtige Antwort: B → C"], report.Lines[1].Notes);
        Assert.Equal(["Die 4 Antworten müssen verschieden sein."], report.Lines[3].Notes);
        Assert.Equal(["Gleiche Frage wie ber-0001 in dieser Datei."], report.Lines[4].Notes);
        await using var db = Database.CreateContext();
        Assert.False(await db.Questions.AnyAsync(q => q.Id == "ber-0003"));
        Assert.Equal(1, (await db.Questions.SingleAsync(q => q.Id == "ber-0002")).CorrectOption);
    }

    [Fact]
    public async Task Apply_writes_a_valid_file_like_the_migrator_and_keeps_a_moderators_suspension()
    {
        await QuestionSeed.CategoryAsync(Database, "anwenden", "Anwenden alt");
        await QuestionSeed.QuestionAsync(Database, "anw-0001", "anwenden", Time.GetUtcNow(), "Welcher Fluss fließt durch Ulm?", status: QuestionStatus.Suspended);
        Time.Advance(TimeSpan.FromHours(1));
        var json = Json("anwenden", "Anwenden",
            Content("anw-0001", "Welcher Fluss fließt durch Ulm?"),
            Content("anw-0002", "Welcher Fluss fließt durch Magdeburg?") with { Retired = true });

        var report = await Import().ApplyAsync("anwenden.json", json);

        Assert.True(report.Applied);
        Assert.Equal(ImportVerdict.Updated, report.CategoryVerdict);
        Assert.Equal([ImportVerdict.Updated, ImportVerdict.New], report.Lines.Select(l => l.Verdict));
        var updated = await QuestionSeed.LoadAsync(Database, "anw-0001");
        Assert.Equal((QuestionStatus.Suspended, (short)2, "fluss"), (updated.Status, updated.Difficulty, updated.PatternKey));
        Assert.Equal(Time.GetUtcNow(), updated.UpdatedAt);
        Assert.Equal(QuestionStatus.Retired, (await QuestionSeed.LoadAsync(Database, "anw-0002")).Status);
        var again = await Import().CheckAsync("anwenden.json", json);
        Assert.True(again.IsValid);
        Assert.False(again.HasChanges);
    }

    [Fact]
    public async Task Apply_of_a_file_with_one_rejected_question_writes_nothing()
    {
        var json = Json("alles-oder-nichts", "Alles oder nichts",
            Content("aon-0001", "Welcher Fluss fließt durch Linz?"),
            Content("AON 2", "Welcher Fluss fließt durch Passau?") with { Explanation = "" });

        var report = await Import().ApplyAsync("aon.json", json);

        Assert.False(report.Applied);
        Assert.Equal(ImportVerdict.New, report.CategoryVerdict);
        Assert.Equal([ImportVerdict.New, ImportVerdict.Rejected], report.Lines.Select(l => l.Verdict));
        Assert.Equal(
            ["Die ID muss ein Kürzel aus Kleinbuchstaben, Ziffern und Bindestrichen sein (z. B. geo-0042, höchstens 40 Zeichen).",
             "Die Erklärung muss 1–200 Zeichen lang sein (ohne Leerzeichen am Anfang oder Ende)."],
            report.Lines[1].Notes);
        await using var db = Database.CreateContext();
        Assert.False(await db.Questions.AnyAsync(q => q.Id == "aon-0001"));
        Assert.False(await db.Categories.AnyAsync(c => c.Id == "alles-oder-nichts"));
    }

    [Fact]
    public async Task A_category_name_of_another_category_and_a_stored_text_under_another_id_are_rejected()
    {
        await QuestionSeed.CategoryAsync(Database, "vergeben", "Vergeben");
        await QuestionSeed.QuestionAsync(Database, "ver-0001", "vergeben", Time.GetUtcNow(), "Welcher Fluss fließt durch Basel?");

        var report = await Import().ApplyAsync("neu.json", Json("andere-id", "Vergeben", Content("and-0001", "Welcher Fluss fließt durch  Basel?")));

        Assert.False(report.Applied);
        Assert.Equal(["Der Kategoriename „Vergeben“ gehört schon zur Kategorie vergeben."], report.FileErrors);
        Assert.Equal(["Gleiche Frage wie ver-0001 (schon gespeichert)."], Assert.Single(report.Lines).Notes);
    }

    [Theory]
    [InlineData("{ \"category\": { \"id\": \"x\", \"name\": \"X\", \"sortOrder\": 1 }, \"questions\": [ { \"id\": \"x-1\" } ] }", "Zeile 1")]
    [InlineData("{\n \"category\": { \"id\": \"x\", \"name\": \"X\", \"sortOrder\": 1 },\n \"questions\": [ { \"id\": \"x-1\", \"difficulty\": \"leicht\" } ]\n}", "Zeile 3")]
    [InlineData("das ist kein JSON", "Zeile 1")]
    [InlineData("{ \"questions\": [] }", "Pflichtfeld")]
    public async Task Unreadable_files_are_reported_not_thrown(string json, string expected)
    {
        var report = await Import().ApplyAsync("kaputt.json", json);

        Assert.False(report.Applied);
        Assert.False(report.IsValid);
        Assert.Contains(expected, Assert.Single(report.FileErrors));
        Assert.Contains("kein gültiges Fragen-JSON", report.FileErrors[0]);
    }

    [Fact]
    public async Task The_repositorys_content_files_check_as_new_and_import_completely()
    {
        var file = Directory.EnumerateFiles(Path.Combine(TestEnvironment.RepositoryRoot(), "content", "questions"), "*.json").Order().First();
        var json = await File.ReadAllTextAsync(file);

        var report = await Import().ApplyAsync(Path.GetFileName(file), json);

        Assert.True(report.Applied, string.Join(Environment.NewLine, report.FileErrors.Concat(report.Lines.SelectMany(l => l.Notes))));
        Assert.All(report.Lines, l => Assert.Equal(ImportVerdict.New, l.Verdict));
        await using var db = Database.CreateContext();
        Assert.Equal(report.Lines.Count, await db.Questions.CountAsync(q => q.CategoryId == report.CategoryId));
    }
}
