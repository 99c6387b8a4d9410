using Microsoft.EntityFrameworkCore;
using Quiz.Core.Questions;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Questions;

public sealed class ContentImportTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero))
{
    private static QuestionContent Content(string id, string text) =>
        new(id, 2, text, ["Rhein", "Donau", "Elbe", "Weser"], 1, "Die Donau ist mit rund 2.850 km der längste.", "Lexikon", "fluss");

    private static List<(string, QuestionFile)> File(params QuestionContent[] questions) =>
        [("fluesse.json", new QuestionFile(new CategoryContent("fluesse", "Flüsse", 3), questions))];

    private async Task<ImportResult> ImportAsync(List<(string, QuestionFile)> files)
    {
        await using var scope = Core.Scope();
        return await scope.Get<QuestionContentImporter>().ImportAsync(files);
    }

    [Fact]
    public async Task Import_upserts_by_stable_id_and_keeps_moderation_state()
    {
        var first = await ImportAsync(File(Content("fl-0001", "Welcher Fluss ist der längste Europas ohne Wolga?"), Content("fl-0002", "Welcher Fluss fließt durch Wien?")));
        Assert.Equal((2, 0, 0), (first.Inserted, first.Updated, first.Unchanged));

        await using (var db = Database.CreateContext())
        {
            var q = await db.Questions.SingleAsync(x => x.Id == "fl-0002");
            q.Status = QuestionStatus.Suspended;
            await db.SaveChangesAsync();
        }

        var again = await ImportAsync(File(Content("fl-0001", "Welcher Fluss ist der längste in der EU?"), Content("fl-0002", "Welcher Fluss fließt durch Wien?")));

        Assert.Equal((0, 1, 1), (again.Inserted, again.Updated, again.Unchanged));
        await using var check = Database.CreateContext();
        var questions = await check.Questions.Where(x => x.CategoryId == "fluesse").OrderBy(x => x.Id).ToListAsync();
        Assert.Equal("Welcher Fluss ist der längste in der EU?", questions[0].Text);
        Assert.Equal(["Rhein", "Donau", "Elbe", "Weser"], questions[0].Options);
        Assert.Equal(QuestionStatus.Suspended, questions[1].Status);
        Assert.Equal("Flüsse", (await check.Categories.SingleAsync(c => c.Id == "fluesse")).Name);
    }

    [Fact]
    public async Task Import_of_invalid_content_writes_nothing()
    {
        var bad = Content("fl-0100", "Welcher Fluss hat drei Antworten?") with { Options = ["a", "b", "c"] };

        var ex = await Assert.ThrowsAsync<InvalidContentException>(() =>
            ImportAsync(File(Content("fl-0099", "Eine gültige Frage zur Mosel?"), bad)));

        Assert.Contains(ex.Errors, e => e.Contains("fl-0100"));
        await using var check = Database.CreateContext();
        Assert.False(await check.Questions.AnyAsync(q => q.Id == "fl-0099"));
    }

    [Fact]
    public async Task Import_stores_tags_and_related_and_a_later_file_may_relate_to_a_stored_question()
    {
        await ImportAsync(File(Content("fl-0201", "Welcher Fluss fließt durch Budapest?") with { Tags = ["frau", "frau"] }));
        var second = await ImportAsync(
            [("mehr.json", new QuestionFile(new CategoryContent("mehr-fluesse", "Mehr Flüsse", 4), [Content("mf-0001", "Welcher Fluss fließt durch Belgrad?") with { Related = ["fl-0201"] }]))]);
        var retag = await ImportAsync(File(Content("fl-0201", "Welcher Fluss fließt durch Budapest?") with { Tags = ["oesterreich"] }));

        Assert.Equal((1, 0), (second.Inserted, second.Updated));
        Assert.Equal(1, retag.Updated);
        await using var check = Database.CreateContext();
        Assert.Equal(["oesterreich"], (await check.Questions.SingleAsync(q => q.Id == "fl-0201")).Tags);
        Assert.Equal(["fl-0201"], (await check.Questions.SingleAsync(q => q.Id == "mf-0001")).Related);
    }

    [Fact]
    public async Task ReadDirectory_reads_every_json_file()
    {
        var dir = Directory.CreateTempSubdirectory("quiz-content-");
        try
        {
            await System.IO.File.WriteAllTextAsync(Path.Combine(dir.FullName, "a.json"),
                """{"category":{"id":"kunst","name":"Kunst","sortOrder":2},"questions":[{"id":"kun-0001","difficulty":1,"text":"Wer malte die Mona Lisa?","options":["Leonardo da Vinci","Michelangelo","Raffael","Tizian"],"correct":0,"explanation":"Leonardo malte sie ab etwa 1503.","source":"Louvre"}]}""");

            var files = QuestionContentImporter.ReadDirectory(dir.FullName);

            var (source, file) = Assert.Single(files);
            Assert.Equal("a.json", source);
            Assert.Equal("Leonardo da Vinci", file.Questions[0].Options[0]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
