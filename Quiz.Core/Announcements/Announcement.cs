namespace Quiz.Core.Announcements;

/// <summary>Where an announcement stands: written, being sent (fanned out into the outbox and sent from there), done, or stopped.</summary>
public enum AnnouncementState
{
    Draft,
    Sending,
    Sent,
    Canceled,
}

/// <summary>
/// A message from the operators to many players ("Nachricht an Spieler"): Telegram HTML checked by
/// <see cref="AnnouncementHtml"/>, for all players or those seen in the last <see cref="ActiveWithinDays"/> days.
/// The worker fans it out into the outbox in batches of players in id order (<see cref="FannedOutThrough"/> is the last
/// player id written), one row per player under a unique key, so a batch done twice writes nothing twice.
/// </summary>
public sealed class Announcement
{
    public const int MaxSourceLength = 16_000;
    public const int MaxActiveWithinDays = 3650;

    public Guid Id { get; set; }

    /// <summary>The text as Telegram HTML.</summary>
    public string Text { get; set; } = "";

    /// <summary>Only players seen within this many days; null: every player.</summary>
    public int? ActiveWithinDays { get; set; }
    public AnnouncementState State { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? SentBy { get; set; }
    public DateTimeOffset? SendStartedAt { get; set; }

    /// <summary>The audience's "seen since", fixed when sending starts, so it does not drift while the batches run.</summary>
    public DateTimeOffset? ActiveSince { get; set; }

    /// <summary>How many players the audience held when sending started.</summary>
    public int Recipients { get; set; }

    /// <summary>The last player id the fan-out has written (0: none yet).</summary>
    public long FannedOutThrough { get; set; }

    /// <summary>Outbox rows written so far.</summary>
    public int Queued { get; set; }
    public DateTimeOffset? FannedOutAt { get; set; }
    public string? CanceledBy { get; set; }
    public DateTimeOffset? CanceledAt { get; set; }

    /// <summary>Set with the final counts once nothing of it waits in the outbox any more.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
    public int SentCount { get; set; }
    public int FailedCount { get; set; }
    public int SkippedCount { get; set; }
}
