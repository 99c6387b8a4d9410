using CsCheck;
using Quiz.Core.Game;
using Quiz.Core.Game.Selection;

namespace Quiz.UnitTests.Game;

/// <summary>Properties of the selection engine over generated banks and seeds (CsCheck).</summary>
public sealed class QuestionSelectorTests
{
    private static List<Candidate> Bank(int size, int patterns = 0) =>
        Enumerable.Range(0, size).Select(i => new Candidate($"q-{i:D5}", patterns > 0 && i % 2 == 0 ? $"muster-{i % patterns}" : null, (short)(i % 4))).ToList();

    /// <summary>Plays <paramref name="picks"/> questions, feeding each pick back into the history.</summary>
    private static List<Pick> Play(List<Candidate> bank, SelectionRules rules, long seed, int picks)
    {
        var byId = bank.ToDictionary(c => c.Id);
        var history = new List<HistoryEntry>();
        var result = new List<Pick>();
        for (var step = 0; step < picks; step++)
        {
            var pick = QuestionSelector.Next(bank, history, rules, SelectionSeed.Rng(seed, step))!;
            result.Add(pick);
            history.Add(new HistoryEntry(pick.QuestionId, pick.CorrectPosition, byId[pick.QuestionId].PatternKey));
        }
        return result;
    }

    [Fact]
    public void Next_never_repeats_a_question_within_N_when_the_bank_allows() =>
        Gen.Select(Gen.Long, Gen.Int[31, 120]).Sample((seed, size) =>
        {
            var rules = new SelectionRules(QuestionWindow: 30, PositionWindow: 2, PatternWindow: 0);
            var picks = Play(Bank(size), rules, seed, 150);
            for (var i = 0; i < picks.Count; i++)
            {
                var window = picks.Skip(Math.Max(0, i - 30)).Take(Math.Min(i, 30)).Select(p => p.QuestionId);
                Assert.DoesNotContain(picks[i].QuestionId, window);
                Assert.Equal(Relaxation.None, picks[i].Relaxed);
            }
        }, iter: 60);

    [Fact]
    public void Next_spaces_the_correct_position_by_M() =>
        Gen.Select(Gen.Long, Gen.Int[0, 3]).Sample((seed, m) =>
        {
            var bank = Bank(500);
            var byId = bank.ToDictionary(c => c.Id);
            var picks = Play(bank, new SelectionRules(300, m, 5), seed, 80);
            for (var i = 0; i < picks.Count; i++)
            {
                var recent = picks.Skip(Math.Max(0, i - m)).Take(Math.Min(i, m)).Select(p => p.CorrectPosition);
                Assert.DoesNotContain(picks[i].CorrectPosition, recent);
                Assert.Equal(byId[picks[i].QuestionId].CorrectOption, picks[i].OptionOrder[picks[i].CorrectPosition]);
                Assert.Equal([0, 1, 2, 3], picks[i].OptionOrder.Order().Select(o => (int)o));
            }
        }, iter: 60);

    [Fact]
    public void Next_spaces_pattern_questions_by_K() =>
        Gen.Long.Sample(seed =>
        {
            var bank = Bank(400, patterns: 8);
            var byId = bank.ToDictionary(c => c.Id);
            var picks = Play(bank, new SelectionRules(100, 2, 5), seed, 120);
            var keys = picks.Select(p => byId[p.QuestionId].PatternKey).ToList();
            for (var i = 0; i < keys.Count; i++)
            {
                if (keys[i] is null) continue;
                Assert.DoesNotContain(keys[i], keys.Skip(Math.Max(0, i - 5)).Take(Math.Min(i, 5)));
            }
        }, iter: 40);

    [Fact]
    public void Same_seed_gives_the_same_sequence_and_players_differ() =>
        Gen.Select(Gen.Long, Gen.Long).Sample((a, b) =>
        {
            var bank = Bank(1000, patterns: 10);
            var first = Play(bank, SelectionRules.Default, a, 10).Select(p => (p.QuestionId, p.CorrectPosition));
            var again = Play(bank, SelectionRules.Default, a, 10).Select(p => (p.QuestionId, p.CorrectPosition));
            Assert.Equal(first, again);
            if (a != b)
            {
                Assert.NotEqual(first, Play(bank, SelectionRules.Default, b, 10).Select(p => (p.QuestionId, p.CorrectPosition)));
            }
        }, iter: 50);

    private static SharedSetSeeds Seeds(string secret) =>
        new(Microsoft.Extensions.Options.Options.Create(new GameOptions { SetSecret = secret }));

    [Fact]
    public void Daily_quiz_is_identical_for_every_player_of_a_berlin_day()
    {
        var bank = Bank(600, patterns: 12);
        var day = new DateOnly(2026, 11, 27);
        var seeds = Seeds("ein-geheimnis-des-servers-0123456789");
        // Every player's Tagesquiz is this one stored set: the seed has no player in it.
        var anna = QuestionSets.Choose(bank, 10, seeds.Daily(day)).Select(i => i.QuestionId).ToList();
        var ben = QuestionSets.Choose(bank, 10, seeds.Daily(day)).Select(i => i.QuestionId).ToList();

        Assert.Equal(10, anna.Count);
        Assert.Equal(anna, ben);
        Assert.NotEqual(anna, QuestionSets.Choose(bank, 10, seeds.Daily(day.AddDays(1))).Select(i => i.QuestionId).ToList());
    }

    [Fact]
    public void Shared_sets_cannot_be_computed_without_the_server_secret()
    {
        var bank = Bank(600, patterns: 12);
        var day = new DateOnly(2026, 11, 28);
        var tournament = Guid.Parse("0199a0b4-58b2-7c3e-9a51-1f2e3d4c5b6a");
        var server = Seeds("ein-geheimnis-des-servers-0123456789");
        var guess = Seeds("geraten-aus-dem-oeffentlichen-code-01");

        // The unkeyed seeds the public code used to derive everything from (hash of kind, key and day) are not the seeds any more.
        Assert.NotEqual(SelectionSeed.For("tagesquiz", "", "2026-11-28"), server.Daily(day));
        Assert.NotEqual(SelectionSeed.For("turnier", tournament.ToString("N"), ""), server.Tournament(tournament));
        Assert.NotEqual(
            QuestionSets.Choose(bank, 10, server.Daily(day)).Select(i => i.QuestionId).ToList(),
            QuestionSets.Choose(bank, 10, guess.Daily(day)).Select(i => i.QuestionId).ToList());
        Assert.NotEqual(server.Tournament(tournament), guess.Tournament(tournament));
        Assert.NotEqual(server.Duel("abc234", day), guess.Duel("abc234", day));
    }

    [Fact]
    public void A_players_own_option_order_keeps_the_options_and_moves_the_correct_one_with_them() =>
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            short[] setOrder = [2, 0, 3, 1];
            var (order, correct) = SharedSetSeeds.Reorder(setOrder, 1, rng);
            Assert.Equal(new short[] { 0, 1, 2, 3 }, order.Order().ToArray());
            Assert.Equal(setOrder[1], order[correct]);
        }, iter: 200);

    [Fact]
    public void Shared_sets_never_repeat_a_question_and_keep_position_and_pattern_spacing()
    {
        Gen.Select(Gen.Long, Gen.Int[20, 200], Gen.Int[1, 10]).Sample((seed, size, count) =>
        {
            var bank = Bank(size, patterns: 8);
            var patterns = bank.ToDictionary(c => c.Id, c => c.PatternKey);
            var items = QuestionSets.Choose(bank, count, seed);

            Assert.Equal(count, items.Count);
            Assert.Equal(Enumerable.Range(0, count), items.Select(i => i.Ordinal));
            Assert.Equal(count, items.Select(i => i.QuestionId).Distinct().Count());
            for (var i = 1; i < items.Count; i++)
            {
                for (var back = 1; back <= Math.Min(i, SelectionRules.Default.PositionWindow); back++)
                {
                    Assert.NotEqual(items[i - back].CorrectPosition, items[i].CorrectPosition);
                }
                for (var back = 1; back <= Math.Min(i, SelectionRules.Default.PatternWindow); back++)
                {
                    var pattern = patterns[items[i].QuestionId];
                    Assert.True(pattern is null || pattern != patterns[items[i - back].QuestionId], $"pattern {pattern} repeated");
                }
            }
            Assert.Equal(items.Select(i => (i.QuestionId, i.CorrectPosition)), QuestionSets.Choose(bank, count, seed).Select(i => (i.QuestionId, i.CorrectPosition)));
        });
    }

    [Fact]
    public void Small_bank_relaxes_the_question_window_instead_of_failing()
    {
        var picks = Play(Bank(12), new SelectionRules(QuestionWindow: 300, PositionWindow: 2, PatternWindow: 5), 42, 30);

        Assert.Equal(30, picks.Count);
        Assert.Contains(picks, p => p.Relaxed.HasFlag(Relaxation.QuestionWindowHalved));
        Assert.All(picks.Take(12), p => Assert.Equal(Relaxation.None, p.Relaxed));
        Assert.Equal(12, picks.Take(12).Select(p => p.QuestionId).Distinct().Count());
    }

    [Fact]
    public void SelectionSeed_is_stable_across_processes()
    {
        // XxHash64 of a fixed input never changes; string.GetHashCode would.
        Assert.Equal(SelectionSeed.For("1", "s", "2026-11-27"), SelectionSeed.For("1", "s", "2026-11-27"));
        Assert.Equal(-7427901550237597856L, SelectionSeed.For("1", "s", "2026-11-27"));
    }
}
