using System.Collections.Concurrent;
using System.Diagnostics;

namespace Quiz.LoadDriver;

/// <summary>One measured run of the payments scenario.</summary>
internal sealed record PaymentRun(
    LoadResult PreCheckout,
    LoadResult Confirm,
    LoadResult Invoice,
    LoadResult Background,
    int Refused,
    int Late,
    int InvoiceMissing,
    int ConfirmFailed,
    long MessagesSent,
    double Seconds)
{
    public int Errors => Refused + Late + InvoiceMissing + ConfirmFailed;
}

/// <summary>
/// Payers buying while the chat floods the send budget. <c>background</c> closed-loop clients post
/// <c>/hilfe</c> and <c>/profil</c> from <c>players</c> players as fast as the bot takes them; each of
/// <c>payers</c> clients runs the real purchase flow again and again: <c>/shop</c>, the buy button
/// (<c>shop:buy:spiele-10</c>), the invoice payload read from the bot's <c>sendInvoice</c>, the
/// pre_checkout_query (timed until the stub gets <c>answerPreCheckoutQuery</c> for its id, which must say
/// ok), then the successful_payment message (timed until the webhook answers 200: ConfirmPurchase is done).
/// </summary>
internal sealed class PaymentLoad(Uri bot, PaymentWatch watch, int players, int stars)
{
    public const string PackageId = "spiele-10";
    public const string ChargePrefix = "stxbench";

    /// <summary>Telegram's window for answerPreCheckoutQuery; a later answer fails the payment.</summary>
    private static readonly TimeSpan PreCheckoutWindow = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);
    private const long FirstPayer = 800_000_000;
    private const long FirstChatter = 700_000_000;
    private readonly ConcurrentBag<string> charges = [];
    // Per run: the inbound gate remembers admitted update ids for 24 h on the same Redis (see FloodScenario).
    private long nextUpdateId = Random.Shared.NextInt64(10_000_000, 2_000_000_000);

    /// <summary>Charge ids whose successful_payment the bot acknowledged with 200, over all runs.</summary>
    public IReadOnlyCollection<string> Charges => charges;

    public async Task<PaymentRun> RunAsync(int background, int payers, TimeSpan duration, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = background + payers })
        {
            BaseAddress = bot,
            Timeout = TimeSpan.FromSeconds(120),
        };
        var sentBefore = watch.MessagesSent;
        var clock = Stopwatch.StartNew();
        var until = clock.Elapsed + duration;
        bool Running() => clock.Elapsed < until && !ct.IsCancellationRequested;
        var chats = Task.WhenAll(Enumerable.Range(0, background).Select(client => Task.Run(() => ChatAsync(http, client, Running, ct), ct)));
        var purchases = await Task.WhenAll(Enumerable.Range(0, payers).Select(payer => Task.Run(() => PayAsync(http, payer, Running, ct), ct)));
        var chatted = await chats;
        var seconds = clock.Elapsed.TotalSeconds;
        return new PaymentRun(
            AnswerLoad.Merge(purchases.Select(t => t.PreCheckout), 0, seconds),
            AnswerLoad.Merge(purchases.Select(t => t.Confirm), purchases.Sum(t => t.ConfirmFailed), seconds),
            AnswerLoad.Merge(purchases.Select(t => t.Invoice), purchases.Sum(t => t.InvoiceMissing), seconds),
            AnswerLoad.Merge(chatted.Select(t => t.Latencies), chatted.Sum(t => t.Errors), seconds),
            purchases.Sum(t => t.Refused),
            purchases.Sum(t => t.Late),
            purchases.Sum(t => t.InvoiceMissing),
            purchases.Sum(t => t.ConfirmFailed),
            watch.MessagesSent - sentBefore,
            seconds);
    }

    private async Task<(List<double> Latencies, int Errors)> ChatAsync(HttpClient http, int client, Func<bool> running, CancellationToken ct)
    {
        var latencies = new List<double>(4096);
        var errors = 0;
        var random = new Random(client);
        while (running())
        {
            var player = FirstChatter + random.Next(players);
            var (ms, ok) = await AnswerLoad.PostAsync(http, GameUpdates.Command(NextId(), player, random.Next(2) == 0 ? "/hilfe" : "/profil"), ct);
            latencies.Add(ms);
            if (!ok) errors++;
        }
        return (latencies, errors);
    }

    private async Task<PayerTally> PayAsync(HttpClient http, int payer, Func<bool> running, CancellationToken ct)
    {
        var tally = new PayerTally();
        var player = FirstPayer + payer;
        while (running())
        {
            await AnswerLoad.PostAsync(http, GameUpdates.Command(NextId(), player, "/shop"), ct);

            var invoice = watch.ExpectInvoice(player);
            var pressed = Stopwatch.GetTimestamp();
            await AnswerLoad.PostAsync(http, GameUpdates.Press(NextId(), player, 1, $"shop:buy:{PackageId}"), ct);
            if (!await WithinAsync(invoice, GiveUp, ct))
            {
                watch.ForgetInvoice(player);
                tally.InvoiceMissing++;
                continue;
            }
            var (payload, invoiceAt) = await invoice;
            tally.Invoice.Add(Stopwatch.GetElapsedTime(pressed, invoiceAt).TotalMilliseconds);

            var updateId = NextId();
            var queryId = $"pcq{updateId}";
            var answer = watch.ExpectAnswer(queryId);
            var asked = Stopwatch.GetTimestamp();
            await AnswerLoad.PostAsync(http, GameUpdates.PreCheckout(updateId, queryId, player, payload, stars), ct);
            if (!await WithinAsync(answer, GiveUp, ct))
            {
                watch.ForgetAnswer(queryId);
                tally.Late++;
                continue;
            }
            var seen = await answer;
            var waited = Stopwatch.GetElapsedTime(asked, seen.At);
            tally.PreCheckout.Add(waited.TotalMilliseconds);
            if (waited > PreCheckoutWindow)
            {
                tally.Late++;
                continue;
            }
            if (!seen.Ok)
            {
                tally.Refused++;
                Console.Error.WriteLine($"pre-checkout refused for payer {payer}: {seen.ErrorMessage}");
                continue;
            }

            var paidId = NextId();
            var charge = $"{ChargePrefix}{payer}x{paidId}";
            var (confirmMs, confirmed) = await AnswerLoad.PostAsync(http, GameUpdates.Paid(paidId, player, payload, stars, charge), ct);
            tally.Confirm.Add(confirmMs);
            if (confirmed) charges.Add(charge);
            else tally.ConfirmFailed++;
        }
        return tally;
    }

    private static async Task<bool> WithinAsync(Task task, TimeSpan limit, CancellationToken ct) =>
        await Task.WhenAny(task, Task.Delay(limit, ct)) == task;

    private long NextId() => Interlocked.Increment(ref nextUpdateId);

    private sealed class PayerTally
    {
        public List<double> PreCheckout { get; } = new(256);
        public List<double> Confirm { get; } = new(256);
        public List<double> Invoice { get; } = new(256);
        public int Refused { get; set; }
        public int Late { get; set; }
        public int InvoiceMissing { get; set; }
        public int ConfirmFailed { get; set; }
    }
}
