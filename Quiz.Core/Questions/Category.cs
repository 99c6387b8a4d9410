namespace Quiz.Core.Questions;

public sealed class Category
{
    /// <summary>Stable slug, e.g. <c>geografie</c>.</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}
