using System.Text.Json.Serialization;

namespace Quiz.Core.Questions;

/// <summary>One reviewed content file: a category and its questions (<c>content/questions/*.json</c>).</summary>
public sealed record QuestionFile(
    [property: JsonPropertyName("category")] CategoryContent Category,
    [property: JsonPropertyName("questions")] IReadOnlyList<QuestionContent> Questions);

public sealed record CategoryContent(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("sortOrder")] int SortOrder);

public sealed record QuestionContent(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("difficulty")] short Difficulty,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("options")] IReadOnlyList<string> Options,
    [property: JsonPropertyName("correct")] short Correct,
    [property: JsonPropertyName("explanation")] string Explanation,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("patternKey")] string? PatternKey = null,
    [property: JsonPropertyName("retired")] bool Retired = false,
    [property: JsonPropertyName("tags")] IReadOnlyList<string>? Tags = null,
    [property: JsonPropertyName("related")] IReadOnlyList<string>? Related = null)
{
    /// <summary>The tags as stored: distinct, in file order; none when the field is absent.</summary>
    public string[] TagList => Tags is null ? [] : [.. Tags.Distinct(StringComparer.Ordinal)];

    /// <summary>The related ids as stored: distinct, in file order; none when the field is absent.</summary>
    public string[] RelatedList => Related is null ? [] : [.. Related.Distinct(StringComparer.Ordinal)];
}
