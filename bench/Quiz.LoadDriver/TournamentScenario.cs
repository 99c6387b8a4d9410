using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Core.AntiCheat;
using Quiz.Core.Data;
using Quiz.Core.Game;
using Quiz.Core.Players;
using Quiz.Core.Tournaments;

namespace Quiz.LoadDriver;

/// <summary>
/// A tournament of <c>players</c> entrants (default 100,000) through Core's use-cases (as <see cref="CoreHost"/> registers them) on real
/// PostgreSQL: the entrants and their attempts are seeded by bulk SQL (<see cref="TournamentSeeder"/>); the start (question set + one
/// start notice per entrant), the live ranking reads — while <c>concurrency</c> more players join and play all questions through the
/// use-cases — and the console's player searches (<see cref="TournamentSearchReads"/>), the finish (snapshot), the ban of the top three
/// and the rewards (snapshot corrected, batches, result notices) are timed, then the final ranking is read and searched. No Telegram in the loop: this measures the tournament's database work.
/// </summary>
internal static class TournamentScenario
{
    private const int Questions = 10;
    private const int Reads = 500;
    /// <summary>Unmeasured reads first: the read path's JIT and the pool's new connections are a process's start, not its steady state.</summary>
    private const int WarmupReads = 50;
    private static int answered;
    private const int Banned = 3;

    public static async Task RunAsync(DriverOptions o, IServiceProvider core, CancellationToken ct)
    {
        var time = core.GetRequiredService<TimeProvider>();
        var admin = core.GetRequiredService<TournamentAdministration>();
        var now = time.GetUtcNow();
        var id = (await admin.CreateAsync(new TournamentDraft("Benchmark-Turnier", now.AddMinutes(1), now.AddHours(2), TournamentEntryFee.Free, Questions), "bench", ct)).Id!.Value;
        await admin.ScheduleAsync(id, "bench", ct);

        Console.WriteLine($"Scenario tournament: {o.Players:N0} entrants seeded by bulk SQL, {o.Concurrency} more playing while the ranking is read …");
        var entrants = await TournamentSeeder.EntrantsAsync(core, id, o.Players, ct);
        using var notices = new NoticeTimer();
        var start = Stopwatch.StartNew();
        var started = await admin.StartNowAsync(id, "bench", ct);
        start.Stop();
        var attempts = await TournamentSeeder.AttemptsAsync(core, id, ct);
        Console.WriteLine($"seeded: entrants {entrants.TotalSeconds:F1} s, attempts {attempts.TotalSeconds:F1} s; start: {started}");

        var players = await TournamentSeeder.PlayerIdsAsync(core, ct);
        using var stop = new CancellationTokenSource();
        var played = 0;
        var playing = Enumerable.Range(0, o.Concurrency).Select(worker => Task.Run(async () =>
        {
            var directory = core.GetRequiredService<PlayerDirectory>();
            for (var i = worker; !stop.IsCancellationRequested; i += o.Concurrency)
            {
                var player = (await directory.TouchAsync(new PlayerIdentity(1_000_000 + i, $"Live {i}", null, "de"), ct)).Id;
                await PlayAsync(core, id, player, i, ct);
                Interlocked.Increment(ref played);
            }
        }, ct)).ToList();
        var before = Volatile.Read(ref answered);
        var reading = Stopwatch.StartNew();
        var live = await ReadStandingsAsync(core, id, players, ct);
        reading.Stop();
        var written = Volatile.Read(ref answered) - before;
        Console.WriteLine($"during the live reads ({reading.Elapsed.TotalSeconds:F1} s): the {o.Concurrency} live players answered {written} questions ({written / reading.Elapsed.TotalSeconds:F0}/s)");
        var liveSearch = await TournamentSearchReads.RunAsync(core, id, o.Players, seed: 11, ct);
        await stop.CancelAsync();
        await Task.WhenAll(playing);

        var finish = Stopwatch.StartNew();
        var finished = await admin.FinishNowAsync(id, "bench", ct);
        finish.Stop();
        // Cheaters top the board: the first three of the snapshot are banned before the rewards, so the reward step
        // includes correcting the whole snapshot (TournamentRanking.CorrectSnapshotAsync).
        var moderation = core.GetRequiredService<PlayerModeration>();
        foreach (var cheat in await TopAsync(core, id, Banned, ct)) await moderation.BanAsync(cheat, "Benchmark", "bench", ct);
        var reward = Stopwatch.StartNew();
        var rewarded = await admin.IssueRewardsAsync(id, "bench", ct);
        reward.Stop();
        var final = await ReadStandingsAsync(core, id, players, ct);
        var finalSearch = await TournamentSearchReads.RunAsync(core, id, o.Players, seed: 13, ct);
        Report.Tournament(new TournamentRun(o.Players, played, live, final, start.Elapsed, started, finish.Elapsed, finished, reward.Elapsed, rewarded, Banned,
            notices.Started, notices.Results, await OutboxCountAsync(core, ct)) { LiveSearch = liveSearch, FinalSearch = finalSearch });
    }

    private static async Task<List<long>> TopAsync(IServiceProvider core, Guid id, int count, CancellationToken ct)
    {
        await using var db = await core.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContextAsync(ct);
        return await db.TournamentResults.Where(r => r.TournamentId == id).OrderBy(r => r.Rank).Take(count).Select(r => r.PlayerId).ToListAsync(ct);
    }

    private static async Task<int> OutboxCountAsync(IServiceProvider core, CancellationToken ct)
    {
        await using var db = await core.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContextAsync(ct);
        return await db.OutboxMessages.CountAsync(ct);
    }

    /// <summary>One more entrant the way a player does it: enter (join + play), then every question answered.</summary>
    private static async Task PlayAsync(IServiceProvider core, Guid id, long player, int index, CancellationToken ct)
    {
        var entered = await core.InScopeAsync<TournamentService, EntryResult>(t => t.EnterAsync(player, id, ct));
        if (entered.Play?.SessionId is not { } session) return;
        var rng = new Random(index);
        for (var q = 0; q < Questions; q++)
        {
            var asked = await core.InScopeAsync<GameService, QuestionView?>(g => g.GetNextQuestionAsync(session, player, ct));
            if (asked is null) return;
            var choice = (short)rng.Next(asked.Options.Count);
            var result = await core.InScopeAsync<AnswerService, AnswerResult>(a => a.SubmitAnswerAsync(session, player, asked.Ordinal, choice, ct));
            Interlocked.Increment(ref answered);
            if (result.SessionFinished) return;
        }
    }

    /// <summary>Latencies (ms) of <see cref="Reads"/> ranking reads (top 10 + own line) for random seeded players, after
    /// <see cref="WarmupReads"/> unmeasured ones; prints where in the sequence the slowest fell.</summary>
    private static async Task<double[]> ReadStandingsAsync(IServiceProvider core, Guid id, long[] players, CancellationToken ct)
    {
        var rng = new Random(7);
        var latencies = new double[Reads];
        for (var i = -WarmupReads; i < Reads; i++)
        {
            var watch = Stopwatch.StartNew();
            _ = await core.InScopeAsync<TournamentService, TournamentStandings?>(t => t.StandingsAsync(id, players[rng.Next(players.Length)], ct));
            if (i >= 0) latencies[i] = watch.Elapsed.TotalMilliseconds;
        }
        Console.WriteLine("slowest reads (position: ms): " + string.Join(", ",
            latencies.Select((ms, i) => (ms, i)).OrderByDescending(x => x.ms).Take(8).Select(x => $"{x.i}: {x.ms:F0}")));
        Array.Sort(latencies);
        return latencies;
    }
}
