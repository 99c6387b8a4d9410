using Quiz.Core.Questions;

namespace Quiz.UnitTests.Questions;

public sealed class QuestionContentValidatorTests
{
    private static QuestionContent Valid(string id = "geo-0001", string text = "Welche Stadt ist die Hauptstadt von Frankreich?") =>
        new(id, 1, text, ["Paris", "Lyon", "Marseille", "Nizza"], 0, "Paris ist seit Jahrhunderten Hauptstadt.", "Brockhaus");

    private static IReadOnlyList<string> Validate(params QuestionContent[] questions) =>
        QuestionContentValidator.Validate([("geo.json", new QuestionFile(new CategoryContent("geografie", "Geografie", 1), questions))]);

    [Fact]
    public void Validate_accepts_a_well_formed_question() => Assert.Empty(Validate(Valid()));

    [Fact]
    public void Validate_rejects_three_options() =>
        Assert.Contains(Validate(Valid() with { Options = ["a", "b", "c"] }), e => e.Contains("exactly 4 options"));

    [Fact]
    public void Validate_rejects_options_that_differ_only_in_case() =>
        Assert.Contains(Validate(Valid() with { Options = ["Paris", "paris", "Lyon", "Nizza"] }), e => e.Contains("distinct"));

    [Fact]
    public void Validate_rejects_an_option_over_100_characters() =>
        Assert.Contains(Validate(Valid() with { Options = [new string('x', 101), "b", "c", "d"] }), e => e.Contains("1–100"));

    [Fact]
    public void Validate_rejects_text_over_300_characters() =>
        Assert.Contains(Validate(Valid(text: new string('x', 301))), e => e.Contains("text"));

    [Fact]
    public void Validate_rejects_explanation_over_200_characters() =>
        Assert.Contains(Validate(Valid() with { Explanation = new string('x', 201) }), e => e.Contains("explanation"));

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Validate_rejects_difficulty_outside_1_to_3(short difficulty) =>
        Assert.Contains(Validate(Valid() with { Difficulty = difficulty }), e => e.Contains("difficulty"));

    [Fact]
    public void Validate_rejects_a_duplicate_id() =>
        Assert.Contains(Validate(Valid(), Valid(text: "Eine andere Frage?")), e => e.Contains("id also used"));

    [Fact]
    public void Validate_rejects_the_same_question_under_two_ids() =>
        Assert.Contains(Validate(Valid(), Valid(id: "geo-0002", text: "welche stadt ist die  Hauptstadt von Frankreich?")), e => e.Contains("same question"));

    [Fact]
    public void Validate_rejects_a_missing_source_note() =>
        Assert.Contains(Validate(Valid() with { Source = " " }), e => e.Contains("source"));

    [Theory]
    [InlineData("Geo-1")]
    [InlineData("geo_0001")]
    [InlineData("geo-0001\n")]
    [InlineData("")]
    public void Validate_rejects_ids_that_are_not_slugs(string id) =>
        Assert.Contains(Validate(Valid(id: id)), e => e.Contains("slug"));

    [Fact]
    public void Validate_accepts_tags_and_related_ids_of_the_files_or_of_the_stored_questions()
    {
        Assert.Empty(Validate(Valid() with { Tags = ["frau", "schweiz"] }, Valid("geo-0002", "Wie heißt die Hauptstadt der Schweiz?") with { Related = ["geo-0001"] }));
        Assert.Empty(QuestionContentValidator.Validate(
            [("geo.json", new QuestionFile(new CategoryContent("geografie", "Geografie", 1), [Valid() with { Related = ["kul-0001"] }]))],
            new HashSet<string> { "kul-0001" }));
    }

    [Fact]
    public void Validate_rejects_an_unknown_or_own_related_id_and_tags_that_are_not_slugs()
    {
        Assert.Contains(Validate(Valid() with { Related = ["geo-9999"] }), e => e.Contains("related question 'geo-9999' does not exist"));
        Assert.Contains(Validate(Valid() with { Related = ["geo-0001"] }), e => e.Contains("related to itself"));
        Assert.Contains(Validate(Valid() with { Related = ["Geo 1"] }), e => e.Contains("related must list question ids"));
        Assert.Contains(Validate(Valid() with { Tags = ["Frau"] }), e => e.Contains("tags must be slugs"));
        Assert.All(["tags must be slugs", "related must list question ids", "a question cannot be related to itself"],
            p => Assert.True(QuestionRules.IsTranslated(p), p));
    }
}
