namespace Quiz.Core.Announcements;

/// <summary>An announcement's outbox rows by outcome: waiting, sent, failed (refused by Telegram), skipped (blocked or canceled).</summary>
public sealed record AnnouncementProgress(int Pending, int Sent, int Failed, int Skipped);

/// <summary>An announcement as the console lists it; <see cref="Progress"/> is live while it runs and the final counts after.</summary>
public sealed record AnnouncementRow(
    Guid Id,
    string Text,
    int? ActiveWithinDays,
    AnnouncementState State,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? SentBy,
    DateTimeOffset? SendStartedAt,
    string? CanceledBy,
    DateTimeOffset? CanceledAt,
    DateTimeOffset? FinishedAt,
    int Recipients,
    int Queued,
    bool FannedOut,
    AnnouncementProgress Progress);

public enum AnnouncementOutcome
{
    Changed,

    /// <summary>Not in a state that allows the step (e.g. sending one already sent, canceling one finished).</summary>
    NoChange,
    NotFound,
}

/// <summary>A draft written (<see cref="Id"/>), or why not: the text's check, or the days out of range.</summary>
public sealed record AnnouncementDraftResult(Guid? Id, AnnouncementHtmlCheck Check, bool DaysInvalid = false);
