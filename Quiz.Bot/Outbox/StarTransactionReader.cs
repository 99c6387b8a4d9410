using Quiz.Core.Economy.Reconciliation;
using Telegram.Bot;
using Telegram.Bot.Types.Payments;

namespace Quiz.Bot.Outbox;

/// <summary>
/// Pages through getStarTransactions (100 per call, oldest first) and hands Core the payments from
/// and refunds to users as Telegram-free records; other transactions (withdrawals, ads) are not
/// purchases and are left out.
/// </summary>
public sealed class StarTransactionReader(ITelegramBotClient bot)
{
    public const int PageSize = 100;

    /// <summary>Guards against a server that never returns a short page: 1,000,000 transactions.</summary>
    public const int MaxPages = 10_000;

    public async Task<IReadOnlyList<StarTransactionRecord>> ReadAllAsync(CancellationToken ct)
    {
        var records = new List<StarTransactionRecord>();
        for (var page = 0; page < MaxPages; page++)
        {
            var batch = (await bot.GetStarTransactions(page * PageSize, PageSize, ct)).Transactions ?? [];
            foreach (var t in batch)
            {
                if (ToRecord(t) is { } record) records.Add(record);
            }
            if (batch.Length < PageSize) break;
        }
        return records;
    }

    public static StarTransactionRecord? ToRecord(StarTransaction t) => (t.Source, t.Receiver) switch
    {
        (TransactionPartnerUser from, _) => new StarTransactionRecord(t.Id, Stars(t.Amount), new DateTimeOffset(t.Date, TimeSpan.Zero), false, from.User.Id, from.InvoicePayload),
        (_, TransactionPartnerUser to) => new StarTransactionRecord(t.Id, Stars(t.Amount), new DateTimeOffset(t.Date, TimeSpan.Zero), true, to.User.Id, to.InvoicePayload),
        _ => null,
    };

    private static int Stars(long amount) => (int)Math.Clamp(amount, 0, int.MaxValue);
}
