using Quiz.Core.Questions;
using Quiz.Core.Questions.Lint;

namespace Quiz.UnitTests.Content;

/// <summary>Each rule of the content linter fails on a seeded bad example and passes its repaired twin.</summary>
public sealed class ContentLinterTests
{
    private static QuestionContent Q(string id, string text, string[] options, short correct = 0, string? pattern = null, string explanation = "Eine Erklärung.") =>
        new(id, 1, text, options, correct, explanation, "Lexikon", pattern);

    private static ContentLintResult Lint(params QuestionContent[] questions) =>
        ContentLinter.Lint([("test.json", new QuestionFile(new CategoryContent("test", "Test", 1), questions))]);

    private static QuestionContent Filler(int i) =>
        Q($"tst-{i:D4}", $"Frage Nummer {i} über Thema{i}?", [$"Alpha{i}", $"Beta{i}", $"Gamma{i}", $"Delta{i}"], (short)(i % 4));

    [Fact]
    public void A_question_asked_twice_in_other_words_punctuation_or_case_is_a_duplicate()
    {
        var a = Q("tst-0001", "Welcher Fluss fließt durch Wien?", ["Donau", "Rhein", "Elbe", "Inn"]);

        Assert.Equal(1, Lint(a, Q("tst-0002", "welcher Fluss fließt durch Wien ?!", ["Donau", "Mur", "Enns", "Inn"])).Count(LintRules.Duplicate));
        Assert.Equal(1, Lint(a, Q("tst-0002", "Welcher Fluss fließt mitten durch Wien?", ["Inn", "Donau", "Elbe", "Mur"], 1)).Count(LintRules.Duplicate));
        Assert.Equal(0, Lint(a, Q("tst-0002", "Welcher Fluss fließt durch Passau?", ["Donau", "Inn", "Ilz", "Isar"])).Count(LintRules.Duplicate));
        Assert.Equal(0, Lint(a, Q("tst-0002", "An welchem Fluss liegt Budapest?", ["Donau", "Theiß", "Save", "Drau"])).Count(LintRules.Duplicate));
    }

    [Fact]
    public void Similar_questions_of_one_category_must_share_a_pattern_or_be_related()
    {
        var a = Q("tst-0001", "Was bedeutet die Abkürzung „i. A.“ vor einer Unterschrift?", ["Im Auftrag", "In Abwesenheit", "Im Anhang", "In Absprache"]);
        var b = Q("tst-0002", "Was bedeutet die Abkürzung „ppa.“ vor einer Unterschrift?", ["Per procura", "Pro anno", "Per Post", "Pro Person"]);

        Assert.Equal(1, Lint(a, b).Count(LintRules.Similar));
        Assert.Equal(0, Lint(a with { PatternKey = "unterschrift" }, b with { PatternKey = "unterschrift" }).Count(LintRules.Similar));
        Assert.Equal(0, Lint(a, b with { Related = ["tst-0001"] }).Count(LintRules.Similar));
    }

    [Fact]
    public void A_text_naming_the_answer_of_another_question_on_the_same_topic_is_a_leak_unless_kept_apart()
    {
        var winner = Q("tst-0001", "Welches Land gewann die Fußball-WM 2014?", ["Deutschland", "Brasilien", "Argentinien", "Spanien"]);
        var scorer = Q("tst-0002", "Wer schoss Deutschland im WM-Finale 2014 zum Sieg?", ["Mario Götze", "Thomas Müller", "Miroslav Klose", "André Schürrle"]);

        var found = Assert.Single(Lint(winner, scorer).Findings, f => f.Rule == LintRules.Leak);
        Assert.Equal("tst-0002", found.QuestionId);
        Assert.Equal(0, Lint(winner, scorer with { Related = ["tst-0001"] }).Count(LintRules.Leak));
        Assert.Equal(0, Lint(winner, scorer with { Text = "Wer schoss im WM-Finale 1990 das einzige Tor?" }).Count(LintRules.Leak));
    }

    [Fact]
    public void A_word_of_the_answer_repeated_in_the_text_and_in_no_wrong_option_gives_it_away()
    {
        var bad = Q("tst-0001", "Von welchem Baum stammen Bucheckern?", ["Buche", "Eiche", "Linde", "Esche"]);

        Assert.Equal(1, Lint(bad).Count(LintRules.AnswerInQuestion));
        Assert.Equal(0, Lint(bad with { Text = "Von welchem Baum stammen die dreikantigen Nüsse namens Eckern?" }).Count(LintRules.AnswerInQuestion));
        Assert.Equal(0, Lint(bad with { Text = "Welcher Baum gab der Buchenallee den Namen?", Options = ["Buche", "Hainbuche", "Linde", "Esche"] }).Count(LintRules.AnswerInQuestion));
    }

    [Fact]
    public void A_missing_source_and_a_time_sensitive_fact_without_stand_fail()
    {
        var q = Q("tst-0001", "Wer ist derzeit Präsident der Schweizer Eidgenossenschaft?", ["A", "B", "C", "D"]);

        Assert.Equal(1, Lint(q).Count(LintRules.Stand));
        Assert.Equal(0, Lint(q with { Text = q.Text.Replace("?", " (Stand Dezember 2026)?", StringComparison.Ordinal) }).Count(LintRules.Stand));
        Assert.Equal(0, Lint(q with { Text = "Wer malte das Jüngste Gericht?" }).Count(LintRules.Stand));
        Assert.Equal(1, Lint(q with { Text = "Wer malte?", Explanation = "Das Bild hängt heute im Louvre." }).Count(LintRules.Stand));
        Assert.Equal(0, Lint(q with { Text = "Wer malte?", Explanation = "Das Bild hängt heute im Louvre (Stand 2026)." }).Count(LintRules.Stand));
        Assert.Equal(1, Lint(q with { Text = "Wer malte?", Source = " " }).Count(LintRules.Source));
    }

    [Fact]
    public void The_correct_number_in_the_middle_far_more_often_than_half_fails_the_binomial_test()
    {
        // 20 numeric questions: middle in 18 of 20 is p ≈ 0.0002; in 12 of 20 it is p ≈ 0.25.
        QuestionContent Numeric(int i, bool middle) =>
            Q($"tst-{i:D4}", $"Wie viele Dinge zählt Sammlung {i}?", [$"{10 + i}", $"{20 + i}", $"{30 + i}", $"{40 + i}"], middle ? (short)1 : (short)3);

        var skewed = Lint([.. Enumerable.Range(1, 20).Select(i => Numeric(i, i > 2))]);
        var fair = Lint([.. Enumerable.Range(1, 20).Select(i => Numeric(i, i > 8))]);

        Assert.Equal((20, 18), (skewed.Figures.NumericQuestions, skewed.Figures.NumericMiddle));
        Assert.Equal(1, skewed.Count(LintRules.NumericMiddle));
        Assert.Equal(0, fair.Count(LintRules.NumericMiddle));
        Assert.Equal([30.0, 1000.0, 2.5, 1_500_000.0], LintText.NumericValues(["30 km", "1.000 km", "2,5 km", "1.500.000 km"])!);
        Assert.Null(LintText.NumericValues(["30 km", "40 m", "50 km", "60 km"]));
    }

    [Fact]
    public void The_correct_option_the_longest_by_a_margin_far_more_often_than_a_quarter_fails_the_binomial_test()
    {
        QuestionContent Long(int i, bool correctIsLong) =>
            Q($"tst-{i:D4}", $"Was beschreibt Begriff{i}?", [$"Eine sehr ausführliche Erklärung {i}", $"Kurz{i}", $"Knapp{i}", $"Klein{i}"], correctIsLong ? (short)0 : (short)2);

        var skewed = Lint([.. Enumerable.Range(1, 20).Select(i => Long(i, i > 8))]);
        var fair = Lint([.. Enumerable.Range(1, 20).Select(i => Long(i, i > 15))]);

        Assert.Equal((20, 12), (skewed.Figures.MarginQuestions, skewed.Figures.LongestCorrect));
        Assert.Equal(1, skewed.Count(LintRules.LongestAnswer));
        Assert.Equal(0, fair.Count(LintRules.LongestAnswer));
        Assert.Equal(0, ContentLinter.LongestByMargin(["Eine lange Antwort", "Kurz", "Knapp", "Klein"]));
        Assert.Null(ContentLinter.LongestByMargin(["Antwort A", "Antwort B", "Antwort C", "Antwort DD"]));
    }

    [Fact]
    public void Unrelated_questions_pass_every_rule()
    {
        var result = Lint([.. Enumerable.Range(1, 30).Select(Filler)]);

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Binomial_upper_tail_matches_known_values()
    {
        Assert.Equal(1.0, Binomial.UpperTail(0, 10, 0.5));
        Assert.Equal(1.0 / 1024, Binomial.UpperTail(10, 10, 0.5), 12);
        Assert.Equal(0.0546875, Binomial.UpperTail(8, 10, 0.5), 9);
    }

    [Fact]
    public void The_report_counts_categories_difficulties_eras_and_women()
    {
        var questions = new[]
        {
            Q("tst-0001", "Wer malte 1503 die Mona Lisa?", ["Leonardo", "Tizian", "Raffael", "Dürer"]),
            Q("tst-0002", "Wer gewann 2014?", ["Deutschland", "Brasilien", "Spanien", "Italien"]) with { Difficulty = 2, Tags = ["frau"] },
            Q("tst-0003", "Wie viele Beine hat eine Spinne?", ["8", "6", "10", "4"]) with { Difficulty = 3 },
            Q("tst-0004", "Wann fiel die Mauer?", ["1989", "1990", "1961", "1991"], explanation: "Im 20. Jahrhundert."),
        };

        var report = ContentReport.Render([("test.json", new QuestionFile(new CategoryContent("test", "Test", 1), questions))]);

        Assert.Equal(["vor 1900", "2000–2026", "zeitlos", "1900–1999"], questions.Select(ContentReport.Era));
        Assert.Contains("| Test | 4 | 2 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 0 | 0 |", report, StringComparison.Ordinal);
        Assert.Contains("4 Fragen in 1 Kategorien", report, StringComparison.Ordinal);
    }
}
