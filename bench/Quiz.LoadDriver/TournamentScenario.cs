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
/// A large tournament through Core's use-cases (as <see cref="CoreHost"/> registers them) on real PostgreSQL: <c>players</c> players join and
/// play all questions (<c>concurrency</c> at a time), then the live ranking is read, the tournament
/// finishes (ranking snapshot), the top three are banned and the rewards are issued (correcting the snapshot first); the final ranking is read again.
/// No Telegram in the loop: this measures the tournament's database work.
/// </summary>
internal static class TournamentScenario
{
    private const int Questions = 10;
    private const int Reads = 200;
    private const int Banned = 3;

    public static async Task RunAsync(DriverOptions o, IServiceProvider core, CancellationToken ct)
    {
        var time = core.GetRequiredService<TimeProvider>();
        var admin = core.GetRequiredService<TournamentAdministration>();
        var now = time.GetUtcNow();
        var id = (await admin.CreateAsync(new TournamentDraft("Benchmark-Turnier", now.AddMinutes(1), now.AddHours(2), TournamentEntryFee.Free, Questions), "bench", ct)).Id!.Value;
        await admin.ScheduleAsync(id, "bench", ct);
        await admin.StartNowAsync(id, "bench", ct);
        var directory = core.GetRequiredService<PlayerDirectory>();

        Console.WriteLine($"Scenario tournament: {o.Players} players join and play {Questions} questions, {o.Concurrency} at a time …");
        var next = 0;
        var played = Stopwatch.StartNew();
        var players = new long[o.Players];
        await Task.WhenAll(Enumerable.Range(0, o.Concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next) - 1; i < o.Players; i = Interlocked.Increment(ref next) - 1)
            {
                players[i] = (await directory.TouchAsync(new PlayerIdentity(1_000_000 + i, $"Spieler {i}", null, "de"), ct)).Id;
                await PlayAsync(core, id, players[i], i, ct);
            }
        }));
        played.Stop();
        var transactions = o.Players * (2 + (2 * Questions));
        Console.WriteLine($"joined and played in {played.Elapsed.TotalSeconds:F1} s ({transactions / played.Elapsed.TotalSeconds:F0} use-case transactions/s)");

        var live = await ReadStandingsAsync(core, id, players, ct);
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
        Report.Tournament(o.Players, live, final, finish.Elapsed, finished, reward.Elapsed, rewarded, Banned);
    }

    private static async Task<List<long>> TopAsync(IServiceProvider core, Guid id, int count, CancellationToken ct)
    {
        await using var db = await core.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContextAsync(ct);
        return await db.TournamentResults.Where(r => r.TournamentId == id).OrderBy(r => r.Rank).Take(count).Select(r => r.PlayerId).ToListAsync(ct);
    }

    private static async Task PlayAsync(IServiceProvider core, Guid id, long player, int index, CancellationToken ct)
    {
        await core.InScopeAsync<TournamentService, JoinResult>(t => t.JoinAsync(player, id, ct));
        var session = (await core.InScopeAsync<TournamentService, PlayResult>(t => t.PlayAsync(player, id, ct))).SessionId!.Value;
        var rng = new Random(index);
        for (var q = 0; q < Questions; q++)
        {
            var asked = await core.InScopeAsync<GameService, QuestionView?>(g => g.GetNextQuestionAsync(session, player, ct));
            if (asked is null) return;
            var choice = (short)rng.Next(asked.Options.Count);
            var result = await core.InScopeAsync<AnswerService, AnswerResult>(a => a.SubmitAnswerAsync(session, player, asked.Ordinal, choice, ct));
            if (result.SessionFinished) return;
        }
    }

    /// <summary>Latencies (ms) of <see cref="Reads"/> ranking reads (top 10 + own line) for random players.</summary>
    private static async Task<double[]> ReadStandingsAsync(IServiceProvider core, Guid id, long[] players, CancellationToken ct)
    {
        var rng = new Random(7);
        var latencies = new double[Reads];
        for (var i = 0; i < Reads; i++)
        {
            var watch = Stopwatch.StartNew();
            _ = await core.InScopeAsync<TournamentService, TournamentStandings?>(t => t.StandingsAsync(id, players[rng.Next(players.Length)], ct));
            latencies[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(latencies);
        return latencies;
    }
}
