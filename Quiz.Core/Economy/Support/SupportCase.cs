namespace Quiz.Core.Economy.Support;

public enum SupportCaseStatus
{
    /// <summary><c>/paysupport</c> was sent; the bot waits for the player's description.</summary>
    Draft,
    Open,
    Closed,
}

/// <summary>
/// A payment problem a player reported with <c>/paysupport</c> (Telegram requires bots that sell
/// to answer it). Listed in the console with the player's purchases until an operator closes it.
/// </summary>
public sealed class SupportCase
{
    public const string UniqueDraft = "ux_support_cases_player_draft";
    public const int MinTextLength = 5;
    public const int MaxTextLength = 2000;
    public const int MaxReplyLength = 1000;

    public Guid Id { get; set; }

    /// <summary>The short number the player and the operators talk about (#17).</summary>
    public long Number { get; set; }
    public long PlayerId { get; set; }
    public SupportCaseStatus Status { get; set; }
    public string? Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }

    /// <summary>The operator's answer, sent to the player when the case is closed.</summary>
    public string? Reply { get; set; }
}
