using System.Diagnostics;
using System.Text;
using Quiz.Core.Game;

namespace Quiz.LoadDriver;

/// <summary>The answer updates (the measured path), the game starts, and what the games looked like.</summary>
internal sealed record AnswerRun(
    LoadResult Answers, LoadResult Starts, int GamesFinished, int AnswersInFinishedGames, long Notices, int StartsWithoutQuestion, long SqlCommands, long BotApiCalls,
    long ChatMessages, long AnswerSqlCommands, long StartSqlCommands, CpuShare.Result Cpu)
{
    public double AnswersPerGame => GamesFinished == 0 ? double.NaN : (double)AnswersInFinishedGames / GamesFinished;

    /// <summary>Starts and answers together, since both run during the measurement.</summary>
    public double PerUpdate(long count) => (double)count / (Answers.Requests + Starts.Requests);

    /// <summary>
    /// Per answer update: a start (<c>/spielen</c>, a free quick game, no intro) costs exactly one <c>sendMessage</c>,
    /// the first question; everything else the answers caused, the summary after the last one included.
    /// </summary>
    public double PerAnswer(long count) => (double)(count - Starts.Requests) / Answers.Requests;
}

/// <summary>
/// Closed-loop players: each of <c>concurrency</c> clients starts a quick game with <c>/spielen</c>,
/// reads the question from the bot's <c>sendMessage</c> (via the stub's <see cref="QuestionInbox"/>),
/// presses one of its answer buttons at once, and so on until the summary arrives; then the next
/// game. A player plays its <see cref="PlayAllowance.FreeGamesPerDay"/> free games, then the client
/// continues as a new player.
/// </summary>
internal sealed class AnswerLoad(Uri bot, QuestionInbox inbox)
{
    public const string AnswerTag = "answer";
    public const string StartTag = "start";
    private const long FirstPlayer = 600_000_000;
    private const long PlayersPerClient = 1_000_000;
    private int[] gamesPerClient = [];
    private long nextUpdateId = 2_000_000;

    public async Task<AnswerRun> RunAsync(int concurrency, TimeSpan duration, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = bot };
        if (gamesPerClient.Length < concurrency) Array.Resize(ref gamesPerClient, concurrency);
        using var sql = new SqlCommandCounter();
        var noticesBefore = inbox.Notices;
        var callsBefore = inbox.Calls;
        var messagesBefore = inbox.Messages;
        var cpu = new CpuShare();
        var clock = Stopwatch.StartNew();
        var until = clock.Elapsed + duration;
        var tallies = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(client =>
            Task.Run(() => PlayAsync(http, client, () => clock.Elapsed < until && !ct.IsCancellationRequested, ct), ct)));
        var seconds = clock.Elapsed.TotalSeconds;
        return new AnswerRun(
            Merge(tallies.Select(t => t.Answers), tallies.Sum(t => t.AnswerErrors), seconds),
            Merge(tallies.Select(t => t.Starts), tallies.Sum(t => t.StartErrors), seconds),
            tallies.Sum(t => t.GamesFinished),
            tallies.Sum(t => t.AnswersInFinishedGames),
            inbox.Notices - noticesBefore,
            tallies.Sum(t => t.StartsWithoutQuestion),
            sql.Commands,
            inbox.Calls - callsBefore,
            inbox.Messages - messagesBefore,
            sql.AnswerCommands,
            sql.StartCommands,
            cpu.Stop());
    }

    private async Task<Tally> PlayAsync(HttpClient http, int client, Func<bool> running, CancellationToken ct)
    {
        var tally = new Tally();
        var random = new Random(client);
        while (running())
        {
            var games = gamesPerClient[client]++;
            var player = FirstPlayer + (client * PlayersPerClient) + (games / PlayAllowance.FreeGamesPerDay);
            inbox.Take(player);
            var (startMs, startOk) = await PostAsync(http, GameUpdates.Command(NextId(), player, "/spielen"), ct, StartTag);
            tally.Starts.Add(startMs);
            if (!startOk) tally.StartErrors++;

            var answered = 0;
            while (running() && inbox.Take(player) is { } question)
            {
                var data = question.Buttons[random.Next(question.Buttons.Count)];
                var (answerMs, answerOk) = await PostAsync(http, GameUpdates.Press(NextId(), player, question.MessageId, data), ct, AnswerTag);
                tally.Answers.Add(answerMs);
                if (!answerOk) tally.AnswerErrors++;
                answered++;
            }
            if (!running()) break;
            if (answered == 0) tally.StartsWithoutQuestion++;
            else
            {
                tally.GamesFinished++;
                tally.AnswersInFinishedGames += answered;
            }
        }
        return tally;
    }

    private long NextId() => Interlocked.Increment(ref nextUpdateId);

    /// <summary>One webhook POST with the secret header (and the update's kind for the SQL count); its round trip in ms and whether the bot said 2xx.</summary>
    internal static async Task<(double Ms, bool Ok)> PostAsync(HttpClient http, string update, CancellationToken ct, string? tag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
        {
            Content = new StringContent(update, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", BotHost.Secret);
        if (tag is not null) request.Headers.Add(SqlCommandCounter.TagHeader, tag);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, ct);
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.IsSuccessStatusCode);
    }

    internal static LoadResult Merge(IEnumerable<List<double>> latencies, int errors, double seconds)
    {
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length, errors, seconds, all);
    }

    private sealed class Tally
    {
        public List<double> Answers { get; } = new(4096);
        public List<double> Starts { get; } = new(512);
        public int AnswerErrors { get; set; }
        public int StartErrors { get; set; }
        public int GamesFinished { get; set; }
        public int AnswersInFinishedGames { get; set; }
        public int StartsWithoutQuestion { get; set; }
    }
}
