namespace Quiz.Core.Operations;

/// <summary>
/// A finished pgBackRest backup, written by the backup container (deploy/backup/backup-loop.sh <c>--record</c>, as the
/// database's superuser) after each backup, so the worker can export how old the newest one is and an alert fires
/// when no backup finished for 26 hours. The label is pgBackRest's own (one row per backup, a second record is a no-op).
/// </summary>
public sealed class BackupRun
{
    public string Label { get; set; } = "";

    /// <summary>pgBackRest's type: full, diff or incr.</summary>
    public string Kind { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
