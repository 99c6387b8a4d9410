namespace Quiz.Core.Messaging;

/// <summary>A Telegram update id that has been handled; its primary key makes handling at-most-once.</summary>
public sealed class ProcessedUpdate
{
    public long UpdateId { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
