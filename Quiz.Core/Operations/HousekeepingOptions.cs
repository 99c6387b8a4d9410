using System.ComponentModel.DataAnnotations;

namespace Quiz.Core.Operations;

/// <summary>
/// How long finished rows are kept before <see cref="Housekeeping"/> purges them (configuration
/// section <c>Housekeeping</c>). Audit entries, ledger entries and purchases are never purged.
/// </summary>
public sealed class HousekeepingOptions
{
    public const string Section = "Housekeeping";

    /// <summary>Sent outbox rows, counted from when they were sent.</summary>
    [Range(1, 3650)]
    public int SentOutboxDays { get; set; } = 14;

    /// <summary>Dead-lettered outbox rows (kept longer: operators read their reasons).</summary>
    [Range(1, 3650)]
    public int DeadOutboxDays { get; set; } = 30;

    /// <summary>Invoices never paid nor referenced by a purchase, counted from their expiry.</summary>
    [Range(1, 3650)]
    public int ExpiredInvoiceDays { get; set; } = 30;

    /// <summary>
    /// Seen update ids. Telegram redelivers an update for at most 24 h, so fewer than 2 days would
    /// let a late redelivery be handled twice.
    /// </summary>
    [Range(2, 3650)]
    public int ProcessedUpdateDays { get; set; } = 7;

    /// <summary>Rows per DELETE statement: each statement holds its row locks only this long.</summary>
    [Range(100, 100_000)]
    public int BatchSize { get; set; } = 5_000;

    /// <summary>A run stops starting new batches after this long; the next run continues.</summary>
    [Range(1, 3600)]
    public int TimeBudgetSeconds { get; set; } = 30;
}
