namespace Quiz.Core.Questions;

public enum ImportVerdict
{
    New,
    Updated,
    Unchanged,
    Rejected,
}

/// <summary>
/// One question of an uploaded file. <see cref="Notes"/> are German: the reasons of a rejected
/// question, or the fields an update changes.
/// </summary>
public sealed record ImportLine(string Id, string Text, ImportVerdict Verdict, IReadOnlyList<string> Notes);

/// <summary>
/// What importing a content file does (or did, when <see cref="Applied"/>). Import is
/// all-or-nothing: a single problem anywhere means nothing is written.
/// </summary>
public sealed record ImportReport(
    string FileName,
    string? CategoryId,
    string? CategoryName,
    ImportVerdict? CategoryVerdict,
    IReadOnlyList<string> FileErrors,
    IReadOnlyList<ImportLine> Lines,
    bool Applied = false)
{
    public bool IsValid => FileErrors.Count == 0 && Lines.Count > 0 && Lines.All(l => l.Verdict != ImportVerdict.Rejected);

    /// <summary>Worth applying: valid and something would change.</summary>
    public bool HasChanges => IsValid && (CategoryVerdict is ImportVerdict.New or ImportVerdict.Updated
        || Lines.Any(l => l.Verdict is ImportVerdict.New or ImportVerdict.Updated));

    public int Count(ImportVerdict verdict) => Lines.Count(l => l.Verdict == verdict);

    public static ImportReport Unreadable(string fileName, string error) => new(fileName, null, null, null, [error], []);
}
