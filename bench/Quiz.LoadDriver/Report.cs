using System.Globalization;
using Quiz.Core.Tournaments;

namespace Quiz.LoadDriver;

/// <summary>The printed tables (Markdown, so they can go into docs/benchmarks.md as they are).</summary>
internal static class Report
{
    private const string Header = """
        | run | requests | errors | throughput/s | p50 ms | p95 ms | p99 ms |
        |---|---:|---:|---:|---:|---:|---:|
        """;

    public static void Updates(LoadResult result, double tps, double pgLatency)
    {
        Console.WriteLine();
        Console.WriteLine(Header);
        Console.WriteLine(Row("webhook → bot → PostgreSQL", result));
        Console.WriteLine(Invariant($"| pgbench 2-statement tx | – | – | {tps:F0} | avg {pgLatency:F1} | – | – |"));
        Console.WriteLine();
        Console.WriteLine(Invariant(
            $"Webhook throughput = {result.Throughput / tps * 100:F0} % of pgbench (target ≥ 40 %), p99 = {result.Percentile(99):F1} ms (target ≤ 50 ms)"));
    }

    public static void Answers(AnswerRun run, double tps, double pgLatency)
    {
        Console.WriteLine();
        Console.WriteLine(Header);
        Console.WriteLine(Row("answer (callback_query game:answer)", run.Answers));
        Console.WriteLine(Row("start (/spielen)", run.Starts));
        Console.WriteLine();
        Console.WriteLine(Invariant(
            $"Answers/s = {run.Answers.Throughput:F0}, p50/p95/p99 = {run.Answers.Percentile(50):F1}/{run.Answers.Percentile(95):F1}/{run.Answers.Percentile(99):F1} ms"));
        Console.WriteLine(Invariant(
            $"{run.GamesFinished} games finished with {run.AnswersPerGame:F1} answers each; {run.Notices} presses answered with a notice (stale or late); {run.StartsWithoutQuestion} starts without a question"));
        Console.WriteLine(Invariant(
            $"Per update (answers and starts): {run.PerUpdate(run.SqlCommands):F1} SQL commands, {run.PerUpdate(run.BotApiCalls):F1} Bot API calls"));
        Console.WriteLine(Invariant(
            $"Per answer update: {run.PerAnswer(run.ChatMessages):F2} chat messages (sendMessage/editMessageText), {run.PerAnswer(run.BotApiCalls):F2} Bot API calls"));
        foreach (var (statement, count) in SqlCommandCounter.Trace.OrderByDescending(s => s.Value).Take(25)) Console.WriteLine(Invariant($"{count,7} {statement}"));
        Console.WriteLine(Invariant(
            $"SQL commands per answer update: {(double)run.AnswerSqlCommands / run.Answers.Requests:F2} (target ≤ 6); per start: {(double)run.StartSqlCommands / run.Starts.Requests:F2}"));
        Console.WriteLine(Invariant(
            $"pgbench 2-statement tx in the same run: {tps:F0}/s (avg {pgLatency:F1} ms); answers/s = {run.Answers.Throughput / tps * 100:F1} % of it; target ≥ 400 answers/s at p99 ≤ 50 ms"));
    }

    public static void Payments(PaymentRun run, int payers, PaymentCheck check)
    {
        Console.WriteLine();
        Console.WriteLine("""
            | run | count | errors | per s | p50 ms | p95 ms | p99 ms | max ms |
            |---|---:|---:|---:|---:|---:|---:|---:|
            """);
        Console.WriteLine(MaxRow("pre-checkout (query → answerPreCheckoutQuery)", run.PreCheckout, run.Refused + run.Late));
        Console.WriteLine(MaxRow("confirm (successful_payment → 200)", run.Confirm, run.ConfirmFailed));
        Console.WriteLine(MaxRow("invoice (buy press → sendInvoice)", run.Invoice, run.InvoiceMissing));
        Console.WriteLine(MaxRow("background /hilfe, /profil (webhook round trip)", run.Background, run.Background.Errors));
        Console.WriteLine();
        Console.WriteLine(Invariant(
            $"{payers} payers: {run.Confirm.Requests} purchases in {run.Seconds:F0} s; {run.Refused} pre-checkouts refused, {run.Late} answered later than 10 s or not at all, {run.InvoiceMissing} invoices missing, {run.ConfirmFailed} confirms not 200"));
        Console.WriteLine(Invariant(
            $"Background: {run.Background.Throughput:F0} updates/s; the bot sent {run.MessagesSent / run.Seconds:F1} messages/s (sendMessage, editMessageText, sendInvoice) to the stub"));
        Console.WriteLine(Invariant(
            $"Database after all runs: {check.Completed} completed purchases for {check.Acknowledged} acknowledged payments; outbox {check.OutboxRows} rows, {check.OutboxPending} still pending"));
    }

    public static void Tournament(int players, double[] live, double[] final, TimeSpan finish, TransitionOutcome finished, TimeSpan reward, TransitionOutcome rewarded, int banned)
    {
        static double P(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
        Console.WriteLine();
        Console.WriteLine("| step | count | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(Invariant($"| live ranking (top 10 + own line) | {live.Length} | {P(live, 50):F1} | {P(live, 95):F1} | {P(live, 99):F1} | {live[^1]:F1} |"));
        Console.WriteLine(Invariant($"| final ranking (snapshot) | {final.Length} | {P(final, 50):F1} | {P(final, 95):F1} | {P(final, 99):F1} | {final[^1]:F1} |"));
        Console.WriteLine(Invariant($"| finish (end attempts + snapshot) | 1 | {finish.TotalMilliseconds:F0} | – | – | – |"));
        Console.WriteLine(Invariant($"| issue rewards ({banned} banned: snapshot corrected, grants, notices) | 1 | {reward.TotalMilliseconds:F0} | – | – | – |"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"{players} players; finish: {finished}, rewards: {rewarded}"));
    }

    private static string MaxRow(string name, LoadResult r, int errors) => Invariant(
        $"| {name} | {r.Requests} | {errors} | {r.Throughput:F1} | {r.Percentile(50):F1} | {r.Percentile(95):F1} | {r.Percentile(99):F1} | {r.Max:F1} |");

    private static string Row(string name, LoadResult r) => Invariant(
        $"| {name} | {r.Requests} | {r.Errors} | {r.Throughput:F0} | {r.Percentile(50):F1} | {r.Percentile(95):F1} | {r.Percentile(99):F1} |");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
