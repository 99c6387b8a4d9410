namespace Quiz.Core.Operations;

/// <summary>
/// One bounded batch per statement. <c>FOR UPDATE SKIP LOCKED</c> lets two runs (two worker nodes,
/// or a run overlapping a slow one) take disjoint batches: each row is deleted once, nobody waits.
/// Parameters: <c>@horizon</c> (rows older than it go) and <c>@batch</c>.
/// </summary>
internal static class PurgeStatements
{
    /// <summary>Uses the partial index <c>ix_outbox_messages_finished</c> (state, processed_at) WHERE state &lt;&gt; 'pending'.</summary>
    public static string Outbox(string state) => $"""
        DELETE FROM outbox_messages WHERE id IN (
            SELECT id FROM outbox_messages
            WHERE state = '{state}' AND processed_at < @horizon
            LIMIT @batch FOR UPDATE SKIP LOCKED)
        """;

    /// <summary>
    /// Unpaid, expired and not referenced by a purchase (purchases.invoice_id is a restricting FK, and
    /// a purchase is kept forever). A purchase inserted concurrently locks the invoice row (FK check),
    /// so SKIP LOCKED leaves that invoice alone.
    /// </summary>
    public const string ExpiredInvoices = """
        DELETE FROM invoices WHERE id IN (
            SELECT i.id FROM invoices i
            WHERE i.paid_at IS NULL AND i.expires_at < @horizon
              AND NOT EXISTS (SELECT 1 FROM purchases p WHERE p.invoice_id = i.id)
            LIMIT @batch FOR UPDATE OF i SKIP LOCKED)
        """;

    public const string ProcessedUpdates = """
        DELETE FROM processed_updates WHERE update_id IN (
            SELECT update_id FROM processed_updates
            WHERE received_at < @horizon
            LIMIT @batch FOR UPDATE SKIP LOCKED)
        """;
}
