using Quiz.Core.Economy.Reconciliation;
using Telegram.Bot;
using Telegram.Bot.Types.Payments;

namespace Quiz.Bot.Outbox;

/// <summary>
/// Reads one step of Telegram's Star transaction list (100 per call, oldest first): at most the
/// step's pages from its offset. Payments from and refunds to users become Telegram-free records;
/// other transactions (withdrawals, ads) keep only their place and date, so Core's positions
/// match Telegram's offsets.
/// </summary>
public sealed class StarTransactionReader(ITelegramBotClient bot)
{
    public const int PageSize = 100;

    /// <summary>Upper bound on one step whatever a command asks for: 100,000 transactions.</summary>
    public const int MaxPagesPerStep = 1_000;

    public async Task<StarTransactionChunk> ReadAsync(int offset, int pages, CancellationToken ct)
    {
        var listed = new List<ListedStarTransaction>();
        var limit = Math.Clamp(pages, 1, MaxPagesPerStep);
        for (var page = 0; page < limit; page++)
        {
            var batch = (await bot.GetStarTransactions(offset + listed.Count, PageSize, ct)).Transactions ?? [];
            listed.AddRange(batch.Select(t => new ListedStarTransaction(Date(t), ToRecord(t))));
            if (batch.Length < PageSize) return new StarTransactionChunk(offset, listed, EndReached: true);
        }
        return new StarTransactionChunk(offset, listed, EndReached: false);
    }

    public static StarTransactionRecord? ToRecord(StarTransaction t) => (t.Source, t.Receiver) switch
    {
        (TransactionPartnerUser from, _) => new StarTransactionRecord(t.Id, Stars(t.Amount), Date(t), false, from.User.Id, from.InvoicePayload),
        (_, TransactionPartnerUser to) => new StarTransactionRecord(t.Id, Stars(t.Amount), Date(t), true, to.User.Id, to.InvoicePayload),
        _ => null,
    };

    private static DateTimeOffset Date(StarTransaction t) => new(t.Date, TimeSpan.Zero);

    private static int Stars(long amount) => (int)Math.Clamp(amount, 0, int.MaxValue);
}
