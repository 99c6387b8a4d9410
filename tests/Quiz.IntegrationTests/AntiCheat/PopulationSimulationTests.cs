using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.AntiCheat;
using Quiz.Core.Game;
using Quiz.Core.Game.Duels;
using Quiz.Testing;
using Xunit.Abstractions;

namespace Quiz.IntegrationTests.AntiCheat;

/// <summary>
/// The false-flag rate of the detectors with their default thresholds on 1,000 simulated honest players (docs/benchmarks.md), with
/// a relaying pair and a steady bot in the same crowd that must be caught. Deterministic: one seed draws the whole world.
/// </summary>
public sealed class PopulationSimulationTests(PostgresDatabase database, ITestOutputHelper output)
    : CoreTests(database, new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero))
{
    public const int Seed = 20261206;
    public const int Humans = 1000;

    /// <summary>A person: skill 40–85 % (easier questions more), median time 4.5–8 s with a log-normal spread, 3–12 s per answer.</summary>
    private sealed record Human(long Id, double Skill, double MedianMs, double Sigma);

    [Fact]
    public async Task A_thousand_honest_players_raise_fewer_than_one_percent_false_flags_while_the_cheaters_among_them_are_caught()
    {
        var random = new Random(Seed);
        var world = new SimulatedWorld(Database, random);
        var now = Time.GetUtcNow();
        world.AddQuestions(400, now.AddDays(-60), "sim");
        var bank = world.Questions;

        var humans = Enumerable.Range(0, Humans).Select(i =>
        {
            var created = i < Humans / 10 ? now.AddDays(-1) : now.AddDays(-30 - random.Next(300));
            var player = world.AddPlayer(created);
            return (Player: player, Model: new Human(0, 0.40 + (0.45 * random.NextDouble()), 4500 + (3500 * random.NextDouble()), 0.25 + (0.2 * random.NextDouble())));
        }).ToList();
        var relayLeader = world.AddPlayer(now.AddDays(-3));
        var relayCopy = world.AddPlayer(now.AddDays(-2));
        var steadyBot = world.AddPlayer(now.AddDays(-5));
        await world.SavePlayersAsync();
        var models = humans.ToDictionary(h => h.Player.Id, h => h.Model with { Id = h.Player.Id });

        (short, int) Answer(Human h, SimQuestion q)
        {
            var correct = random.NextDouble() < Math.Clamp(h.Skill + (0.3 * q.Ease), 0.05, 0.98);
            var wrong = random.NextDouble() < 0.6 ? q.Distractor : (short)Enumerable.Range(0, 4).Where(o => o != q.Question.CorrectOption && o != q.Distractor).ElementAt(random.Next(2));
            var length = q.Question.Text.Length + q.Question.Options.Sum(o => o.Length);
            var ms = Math.Exp(Math.Log(h.MedianMs * (0.8 + (length / 500.0))) + (h.Sigma * Gaussian(random)));
            return (correct ? q.Question.CorrectOption : wrong, (int)Math.Clamp(ms, 3000, 12000));
        }
        List<SimQuestion> Draw(int n) => [.. bank.OrderBy(_ => random.Next()).Take(n)];

        // Five quick games each, over the last day.
        foreach (var h in models.Values)
        {
            for (var g = 0; g < 5; g++) world.Play(h.Id, GameMode.Quick, null, Draw(10), now.AddHours(-26).AddSeconds(random.Next(24 * 3600)), (_, q, _) => Answer(h, q));
        }

        // Yesterday's Tagesquiz: 70 % play it, 40 % of them within ten minutes of the 18:00 reminder.
        var dailyQuestions = Draw(10);
        var daily = world.AddSet(QuestionSetKind.Daily, "2026-12-05", dailyQuestions, now.AddDays(-1));
        var evening = new DateTimeOffset(2026, 12, 5, 17, 0, 0, TimeSpan.Zero);
        foreach (var h in models.Values.Where(_ => random.NextDouble() < 0.7))
        {
            var start = random.NextDouble() < 0.4 ? evening.AddSeconds(random.Next(600)) : evening.AddHours(-10).AddSeconds(random.Next(16 * 3600));
            world.Play(h.Id, GameMode.Daily, daily, dailyQuestions, start, (_, q, _) => Answer(h, q));
        }

        // This morning's tournament: 60 % play, half of them within 30 s of its start; the relaying pair among the first.
        var tournamentQuestions = Draw(10);
        var tournament = world.AddSet(QuestionSetKind.Tournament, Guid.NewGuid().ToString("N"), tournamentQuestions, now.AddHours(-4));
        var opening = now.AddHours(-3);
        foreach (var h in models.Values.Where(_ => random.NextDouble() < 0.6))
        {
            var start = random.NextDouble() < 0.5 ? opening.AddMilliseconds(random.Next(30_000)) : opening.AddSeconds(random.Next(2 * 3600));
            world.Play(h.Id, GameMode.Tournament, tournament, tournamentQuestions, start, (_, q, _) => Answer(h, q));
        }
        var leaderModel = new Human(relayLeader.Id, 0.6, 6000, 0.35);
        var led = world.Play(relayLeader.Id, GameMode.Tournament, tournament, tournamentQuestions, opening.AddSeconds(3), (_, q, _) => Answer(leaderModel, q));
        world.Play(relayCopy.Id, GameMode.Tournament, tournament, tournamentQuestions, opening.AddSeconds(4), (i, q, sentAt) =>
        {
            var source = led.Answers[i];
            var arrives = source.CreatedAt.AddMilliseconds(random.Next(1000, 3000));
            var option = led.Asked[i].OptionOrder[source.ChosenPosition!.Value];
            return (option, (int)Math.Max(1500, (arrives - sentAt).TotalMilliseconds));
        });

        // Duels between random players, the opponent answering hours later; some opponents are fresh accounts.
        for (var d = 0; d < 300; d++)
        {
            var challenger = models.Values.ElementAt(random.Next(Humans));
            var opponent = models.Values.ElementAt(random.Next(Humans));
            if (opponent.Id == challenger.Id) continue;
            var questions = Draw(Duel.QuestionCount);
            var set = world.AddSet(QuestionSetKind.Duel, $"sim{d:D7}", questions, now.AddDays(-3));
            var created = now.AddDays(-3).AddSeconds(random.Next(24 * 3600));
            var first = world.Play(challenger.Id, GameMode.Duel, set, questions, created, (_, q, _) => Answer(challenger, q));
            var second = world.Play(opponent.Id, GameMode.Duel, set, questions, created.AddHours(1 + random.Next(40)), (_, q, _) => Answer(opponent, q));
            world.Duels.Add(new Duel
            {
                Id = Guid.NewGuid(), Code = $"sim{d:D7}", QuestionSetId = set.Id, ChallengerId = challenger.Id, ChallengerSessionId = first.Session.Id,
                OpponentId = opponent.Id, OpponentSessionId = second.Session.Id, State = DuelState.Completed, CreatedAt = created, ExpiresAt = created.Add(Duel.AcceptWindow),
                AcceptedAt = second.Session.StartedAt, CompletedAt = second.Session.FinishedAt,
            });
        }

        // A bot that answers everything right at a steady 4 s.
        for (var g = 0; g < 6; g++) world.Play(steadyBot.Id, GameMode.Quick, null, Draw(10), now.AddHours(-20 + g), (_, q, _) => (q.Question.CorrectOption, random.Next(3800, 4200)));

        await world.SaveGamesAsync();
        var texts = bank.ToDictionary(q => q.Question.Id, q => q.Question);
        var watch = Core.Get<FastAnswerWatch>();
        var fast = world.Sessions.Where(s => models.ContainsKey(s.Session.PlayerId))
            .Where(s => s.Answers.Select((a, i) => watch.Recording(new AnswerSeen(s.Session, a, texts[a.QuestionId].Text, texts[a.QuestionId].Options))).ToList().Any(raised => raised))
            .Select(s => s.Session.PlayerId).ToHashSet();

        var clock = Stopwatch.StartNew();
        var runs = new List<CheatScanResult>();
        while (runs.Count == 0 || runs[^1].AnswersRead > 0) runs.Add(await Core.Get<CheatScan>().RunAsync());
        clock.Stop();

        await using var db = Database.CreateContext();
        var flags = await db.CheatFlags.AsNoTracking().ToListAsync();
        var falseFlagged = flags.Where(f => models.ContainsKey(f.PlayerId)).Select(f => f.PlayerId).Concat(fast).Distinct().Count();
        var rate = 100.0 * falseFlagged / Humans;
        output.WriteLine($"Answers: {world.Sessions.Sum(s => s.Answers.Count)}, batch runs: {runs.Count}, scan time: {clock.ElapsedMilliseconds} ms");
        output.WriteLine($"Flags by kind: {string.Join(", ", flags.GroupBy(f => f.Kind).Select(g => $"{g.Key} {g.Count()}"))}; inline FastAnswers on humans: {fast.Count}");
        output.WriteLine($"False-flag rate: {falseFlagged} of {Humans} honest players = {rate:F1} %");

        foreach (var flag in flags.Where(f => models.ContainsKey(f.PlayerId)))
        {
            output.WriteLine($"False flag: player {flag.PlayerId} {flag.Kind} {flag.Score}: {System.Text.Json.JsonDocument.Parse(flag.Evidence).RootElement.GetProperty("summary").GetString()}");
        }
        Assert.True(rate < 1.0, $"False-flag rate {rate:F1} % (of {Humans}) is not below 1 %.");
        Assert.Contains(flags, f => f.PlayerId == relayCopy.Id && f.Kind == FlagKind.Lockstep && f.Subject == CheatScan.LockstepSubject(tournament.Id, relayLeader.Id));
        Assert.Contains(flags, f => f.PlayerId == relayLeader.Id && f.Kind == FlagKind.Lockstep);
        Assert.Contains(flags, f => f.PlayerId == steadyBot.Id && f.Kind == FlagKind.SteadyPerfect);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
