namespace Quiz.Core.Economy.Reconciliation;

/// <summary>A Star transaction as the bot layer read it from getStarTransactions (Telegram-free).</summary>
/// <param name="Id">Telegram's transaction id: the payment's charge id, also for its refund.</param>
/// <param name="IsRefund">A refund to a user (receiver), not a payment from one (source).</param>
public sealed record StarTransactionRecord(string Id, int Amount, DateTimeOffset Date, bool IsRefund, long? UserId, string? Payload);

/// <summary>One entry of Telegram's list at its position: its date, and the record when it is a payment from or a refund to a user.</summary>
public sealed record ListedStarTransaction(DateTimeOffset Date, StarTransactionRecord? Record);

/// <summary>
/// What one step read: the entries from <paramref name="Offset"/> on, in Telegram's order;
/// <paramref name="EndReached"/> when Telegram returned a short page (nothing after these).
/// </summary>
public sealed record StarTransactionChunk(int Offset, IReadOnlyList<ListedStarTransaction> Listed, bool EndReached);

/// <summary>
/// Payload of the outbox command that asks the bot layer to read one step of a run: at most
/// <paramref name="Pages"/> pages from <paramref name="Offset"/>. After <paramref name="MaxAttempts"/>
/// failed tries the bot gives the step up and the run fails. (Commands written before steps existed
/// carry only the run id: step 0 from offset 0 with the default bounds.)
/// </summary>
public sealed record ReconcileCommand(Guid RunId, int Step = 0, int Offset = 0, int Pages = 0, int MaxAttempts = 0)
{
    public const int DefaultPages = 50;
    public const int DefaultMaxAttempts = 5;

    public int PagesOrDefault => Pages > 0 ? Pages : DefaultPages;
    public int MaxAttemptsOrDefault => MaxAttempts > 0 ? MaxAttempts : DefaultMaxAttempts;

    /// <summary>One key per step, so a step is enqueued once; step 0 keeps the key runs had before steps.</summary>
    public static string Key(Guid runId, int step) => step == 0 ? $"reconcile:{runId:N}" : $"reconcile:{runId:N}:{step}";
}

public enum ReconcileStepOutcome
{
    /// <summary>Compared; the next step's command is enqueued.</summary>
    Continued,

    /// <summary>The end of Telegram's list was reached and the purchase-side checks are done.</summary>
    Completed,

    /// <summary>The run was finished, or this step was done already (a retried command): nothing changed.</summary>
    AlreadyDone,

    /// <summary>The run is older than <see cref="ReconciliationOptions.MaxRunMinutes"/>: it ended as failed.</summary>
    Expired,
}
