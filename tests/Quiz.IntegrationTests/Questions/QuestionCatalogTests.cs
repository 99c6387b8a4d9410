using Quiz.Core.Common;
using Quiz.Core.Questions;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Questions;

public sealed class QuestionCatalogTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero))
{
    private QuestionCatalog Catalog() => Core.Get<QuestionCatalog>();

    private static QuestionDraft Valid(QuestionDraft draft) => draft with
    {
        Text = "Welcher Fluss fließt durch Passau, Wien und Budapest?",
        Options = ["Donau", "Rhein", "Elbe", "Oder"],
        Correct = 0,
        Explanation = "Die Donau verbindet die drei Städte.",
        Source = "Atlas",
        PatternKey = "fluss-stadt",
    };

    [Fact]
    public async Task Search_filters_by_text_or_id_category_difficulty_status_and_open_reports()
    {
        await QuestionSeed.CategoryAsync(Database, "suche", "Suche");
        await QuestionSeed.CategoryAsync(Database, "suche-b", "Suche B");
        var now = Time.GetUtcNow();
        await QuestionSeed.QuestionAsync(Database, "such-0001", "suche", now, "Wie hoch ist die Zugspitze?", difficulty: 1);
        await QuestionSeed.QuestionAsync(Database, "such-0002", "suche", now, "Wie tief ist der Bodensee?", difficulty: 2);
        await QuestionSeed.QuestionAsync(Database, "such-0003", "suche", now, "Wie lang ist der Rhein (100%_sicher)?", difficulty: 2, status: QuestionStatus.Suspended);
        await QuestionSeed.QuestionAsync(Database, "such-0004", "suche-b", now, "Wo liegt die Zugspitze?", difficulty: 3);
        await QuestionSeed.ReportAsync(Core, "such-0002", now, ReportReason.Typo);
        var catalog = Catalog();

        async Task<string[]> Ids(QuestionFilter filter) => [.. (await catalog.SearchAsync(filter)).Items.Select(r => r.Id)];

        Assert.Equal(["such-0001", "such-0004"], await Ids(new QuestionFilter(Search: "zugSPITZE")));
        Assert.Equal(["such-0003"], await Ids(new QuestionFilter(Search: "such-0003")));
        Assert.Equal(["such-0003"], await Ids(new QuestionFilter(Search: "%_")));
        Assert.Equal(["such-0001", "such-0002", "such-0003"], await Ids(new QuestionFilter(CategoryId: "suche")));
        Assert.Equal(["such-0002", "such-0003"], await Ids(new QuestionFilter(CategoryId: "suche", Difficulty: 2)));
        Assert.Equal(["such-0003"], await Ids(new QuestionFilter(Search: "such-", Status: QuestionStatus.Suspended)));
        var reported = await catalog.SearchAsync(new QuestionFilter(Search: "such-", OnlyWithOpenReports: true));
        var row = Assert.Single(reported.Items);
        Assert.Equal(("such-0002", 1, "Suche"), (row.Id, row.OpenReports, row.CategoryName));
    }

    [Fact]
    public async Task Search_pages_sorts_and_counts_every_match()
    {
        await QuestionSeed.CategoryAsync(Database, "seiten", "Seiten");
        for (var i = 1; i <= 7; i++)
        {
            await QuestionSeed.QuestionAsync(Database, $"seit-{i:0000}", "seiten", Time.GetUtcNow().AddMinutes(i), $"Seitenfrage Nummer {i}?");
        }
        var catalog = Catalog();

        var third = await catalog.SearchAsync(new QuestionFilter(CategoryId: "seiten", Page: 2, PageSize: 3));
        var newest = await catalog.SearchAsync(new QuestionFilter(CategoryId: "seiten", PageSize: 2, Sort: QuestionSort.UpdatedAt, Descending: true));

        Assert.Equal(7, third.Total);
        Assert.Equal(["seit-0007"], third.Items.Select(r => r.Id));
        Assert.Equal(["seit-0007", "seit-0006"], newest.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Save_with_broken_rules_is_rejected_in_german_and_changes_nothing()
    {
        await QuestionSeed.CategoryAsync(Database, "regeln", "Regeln");
        await QuestionSeed.QuestionAsync(Database, "reg-0001", "regeln", Time.GetUtcNow());
        var draft = (await Catalog().GetAsync("reg-0001"))!;

        var result = await Catalog().SaveAsync(Valid(draft) with
        {
            Text = new string('x', Question.MaxTextLength + 1),
            Options = ["Donau", "donau", "Elbe", "Oder"],
            Difficulty = 4,
            CategoryId = "gibt-es-nicht",
        });

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Contains("Der Fragetext muss 1–300 Zeichen lang sein (ohne Leerzeichen am Anfang oder Ende).", result.Errors);
        Assert.Contains("Die 4 Antworten müssen verschieden sein.", result.Errors);
        Assert.Contains("Die Schwierigkeit muss 1, 2 oder 3 sein.", result.Errors);
        Assert.Contains("Die Kategorie „gibt-es-nicht“ gibt es nicht.", result.Errors);
        var stored = await QuestionSeed.LoadAsync(Database, "reg-0001");
        Assert.Equal("Testfrage reg-0001?", stored.Text);
        Assert.Equal(draft.UpdatedAt, stored.UpdatedAt);
    }

    [Fact]
    public async Task Save_rejects_the_text_of_another_question_and_a_too_long_source()
    {
        await QuestionSeed.CategoryAsync(Database, "doppelt", "Doppelt");
        await QuestionSeed.QuestionAsync(Database, "dop-0001", "doppelt", Time.GetUtcNow(), "Wie heißt die Hauptstadt von Malta?");
        await QuestionSeed.QuestionAsync(Database, "dop-0002", "doppelt", Time.GetUtcNow());
        var draft = (await Catalog().GetAsync("dop-0002"))!;

        var result = await Catalog().SaveAsync(Valid(draft) with { Text = "Wie heißt die  Hauptstadt von MALTA?", Source = new string('q', 501) });

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal(["Die Quellenangabe darf höchstens 500 Zeichen lang sein.", "Gleiche Frage wie dop-0001."], result.Errors);
    }

    [Fact]
    public async Task Save_stamps_UpdatedAt_keeps_the_status_and_a_stale_draft_gets_a_conflict()
    {
        await QuestionSeed.CategoryAsync(Database, "bearbeiten", "Bearbeiten");
        await QuestionSeed.QuestionAsync(Database, "bea-0001", "bearbeiten", Time.GetUtcNow(), status: QuestionStatus.Suspended);
        var first = (await Catalog().GetAsync("bea-0001"))!;
        var second = (await Catalog().GetAsync("bea-0001"))!;
        Time.Advance(TimeSpan.FromMinutes(5));

        var saved = await Catalog().SaveAsync(Valid(first) with { Difficulty = 3 });
        var stale = await Catalog().SaveAsync(Valid(second) with { Text = "Überschreibt das die erste Änderung?" });

        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        Assert.Equal(SaveOutcome.Conflict, stale.Outcome);
        var stored = await QuestionSeed.LoadAsync(Database, "bea-0001");
        Assert.Equal("Welcher Fluss fließt durch Passau, Wien und Budapest?", stored.Text);
        Assert.Equal(["Donau", "Rhein", "Elbe", "Oder"], stored.Options);
        Assert.Equal((3, "fluss-stadt", QuestionStatus.Suspended), (stored.Difficulty, stored.PatternKey, stored.Status));
        Assert.Equal(Time.GetUtcNow(), stored.UpdatedAt);
        Assert.Equal(saved.UpdatedAt, stored.UpdatedAt);
        Assert.Equal(SaveOutcome.NotFound, (await Catalog().SaveAsync(Valid(first) with { Id = "bea-0999", Text = "Gibt es diese Frage?" })).Outcome);
    }

    [Fact]
    public async Task Two_saves_of_one_version_at_the_same_instant_let_exactly_one_win()
    {
        await QuestionSeed.CategoryAsync(Database, "parallel", "Parallel");
        await QuestionSeed.QuestionAsync(Database, "par-0001", "parallel", Time.GetUtcNow());
        var draft = (await Catalog().GetAsync("par-0001"))!;

        var results = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            Task.Run(() => Catalog().SaveAsync(Valid(draft) with { Text = $"Welche Version gewinnt, Nummer {i}?" }))));

        Assert.Equal(1, results.Count(r => r.Outcome == SaveOutcome.Saved));
        Assert.Equal(5, results.Count(r => r.Outcome == SaveOutcome.Conflict));
    }

    [Fact]
    public async Task Status_changes_only_from_the_states_their_button_is_for()
    {
        await QuestionSeed.CategoryAsync(Database, "status", "Status");
        await QuestionSeed.QuestionAsync(Database, "sta-0001", "status", Time.GetUtcNow());
        var catalog = Catalog();

        Assert.Equal(StatusChangeOutcome.NotAllowed, await catalog.ChangeStatusAsync("sta-0001", StatusChange.Reactivate));
        Assert.Equal(StatusChangeOutcome.Changed, await catalog.ChangeStatusAsync("sta-0001", StatusChange.Suspend));
        Assert.Equal(StatusChangeOutcome.NotAllowed, await catalog.ChangeStatusAsync("sta-0001", StatusChange.Suspend));
        Assert.Equal(QuestionStatus.Suspended, (await QuestionSeed.LoadAsync(Database, "sta-0001")).Status);
        Assert.Equal(StatusChangeOutcome.Changed, await catalog.ChangeStatusAsync("sta-0001", StatusChange.Retire));
        Assert.Equal(QuestionStatus.Retired, (await QuestionSeed.LoadAsync(Database, "sta-0001")).Status);
        Assert.Equal(StatusChangeOutcome.Changed, await catalog.ChangeStatusAsync("sta-0001", StatusChange.Reactivate));
        Assert.Equal(QuestionStatus.Active, (await QuestionSeed.LoadAsync(Database, "sta-0001")).Status);
        Assert.Equal(StatusChangeOutcome.NotFound, await catalog.ChangeStatusAsync("sta-0999", StatusChange.Retire));
    }

    [Fact]
    public void Every_validator_message_has_a_german_text()
    {
        var broken = new QuestionContent("Nicht Gültig", 0, " ", ["a", "A", " b", new string('c', 101)], 7, "", " ", "Kein Slug");
        var threeOptions = broken with { Options = ["a", "b", "c"] };

        var problems = QuestionContentValidator.Check(broken).Concat(QuestionContentValidator.Check(threeOptions)).Distinct().ToList();

        Assert.Equal(10, problems.Count);
        Assert.All(problems, p => Assert.True(QuestionRules.IsTranslated(p), $"No German text for \"{p}\""));
    }
}
