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
        Console.WriteLine(run.Cpu.Describe(run.Answers.Requests, "answer (starts included)"));
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

    public static void Tournament(TournamentRun r)
    {
        static double P(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
        static string Ms(TimeSpan? t) => t is { } v ? Invariant($"{v.TotalMilliseconds:F0}") : "n/a";
        Console.WriteLine();
        Console.WriteLine("| step | count | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(Invariant($"| live ranking (top 10 + own line), {r.Entrants:N0} entrants | {r.Live.Length} | {P(r.Live, 50):F1} | {P(r.Live, 95):F1} | {P(r.Live, 99):F1} | {r.Live[^1]:F1} |"));
        Console.WriteLine(Invariant($"| final ranking (snapshot) | {r.Final.Length} | {P(r.Final, 50):F1} | {P(r.Final, 95):F1} | {P(r.Final, 99):F1} | {r.Final[^1]:F1} |"));
        if (r.LiveSearch.Length > 0) Console.WriteLine(Invariant($"| console player search (Rangliste), live | {r.LiveSearch.Length} | {P(r.LiveSearch, 50):F1} | {P(r.LiveSearch, 95):F1} | {P(r.LiveSearch, 99):F1} | {r.LiveSearch[^1]:F1} |"));
        if (r.FinalSearch.Length > 0) Console.WriteLine(Invariant($"| console player search (Rangliste), final | {r.FinalSearch.Length} | {P(r.FinalSearch, 50):F1} | {P(r.FinalSearch, 95):F1} | {P(r.FinalSearch, 99):F1} | {r.FinalSearch[^1]:F1} |"));
        Console.WriteLine(Invariant($"| start (question set + start notices) | 1 | {r.Start.TotalMilliseconds:F0} | – | – | – |"));
        Console.WriteLine($"| – of which: start notices enqueued (one INSERT … SELECT) | 1 | {Ms(r.StartNotices)} | – | – | – |");
        Console.WriteLine(Invariant($"| finish (end attempts + snapshot) | 1 | {r.Finish.TotalMilliseconds:F0} | – | – | – |"));
        Console.WriteLine(Invariant($"| issue rewards ({r.Banned} banned: snapshot corrected, batches, result notices) | 1 | {r.Reward.TotalMilliseconds:F0} | – | – | – |"));
        Console.WriteLine($"| – of which: result notices enqueued (one INSERT … SELECT) | 1 | {Ms(r.ResultNotices)} | – | – | – |");
        Console.WriteLine();
        Console.WriteLine(Invariant($"{r.Entrants:N0} entrants + {r.Played} played live; start: {r.Started}, finish: {r.Finished}, rewards: {r.Rewarded}; outbox rows: {r.OutboxRows:N0}"));
    }

    private static string MaxRow(string name, LoadResult r, int errors) => Invariant(
        $"| {name} | {r.Requests} | {errors} | {r.Throughput:F1} | {r.Percentile(50):F1} | {r.Percentile(95):F1} | {r.Percentile(99):F1} | {r.Max:F1} |");

    private static string Row(string name, LoadResult r) => Invariant(
        $"| {name} | {r.Requests} | {r.Errors} | {r.Throughput:F0} | {r.Percentile(50):F1} | {r.Percentile(95):F1} | {r.Percentile(99):F1} |");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the tournament scenario measured.</summary>
internal sealed record TournamentRun(
    int Entrants, int Played, double[] Live, double[] Final, TimeSpan Start, TransitionOutcome Started, TimeSpan Finish, TransitionOutcome Finished,
    TimeSpan Reward, TransitionOutcome Rewarded, int Banned, TimeSpan? StartNotices, TimeSpan? ResultNotices, int OutboxRows)
{
    public double[] LiveSearch { get; init; } = [];
    public double[] FinalSearch { get; init; } = [];
}
