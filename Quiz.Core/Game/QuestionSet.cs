namespace Quiz.Core.Game;

public enum QuestionSetKind
{
    Daily,
    Duel,
    Tournament,
}

/// <summary>
/// A fixed sequence of questions shared by several players (Tagesquiz of one Berlin day, a duel,
/// a tournament): chosen once from one shared seed, then stored, so every player gets the same
/// questions in the same order even if the bank changes meanwhile.
/// </summary>
public sealed class QuestionSet
{
    public Guid Id { get; set; }
    public QuestionSetKind Kind { get; set; }

    /// <summary>Unique per kind: the Berlin day (<c>2026-11-27</c>), the duel code, the tournament id.</summary>
    public string Key { get; set; } = "";
    public long Seed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<QuestionSetItem> Items { get; set; } = [];
}

/// <summary>The n-th question of a <see cref="QuestionSet"/> with its display order.</summary>
public sealed class QuestionSetItem
{
    public Guid SetId { get; set; }
    public int Ordinal { get; set; }
    public string QuestionId { get; set; } = "";
    public short[] OptionOrder { get; set; } = [];
    public short CorrectPosition { get; set; }
}
