using CsCheck;
using Quiz.Core.Game;
using Quiz.Core.Game.Selection;

namespace Quiz.UnitTests.Game;

/// <summary>Related questions and one pattern never share a game, whichever side lists the relation.</summary>
public sealed class RelatedQuestionSelectionTests
{
    /// <summary>Pairs (q-0, q-1), (q-2, q-3) …: only the odd one lists the even one, as content does.</summary>
    private static List<Candidate> PairedBank(int size) => RelatedQuestions.Link(
        [.. Enumerable.Range(0, size).Select(i => (new Candidate($"q-{i:D5}", null, (short)(i % 4)),
            (IReadOnlyCollection<string>)(i % 2 == 1 ? [$"q-{i - 1:D5}"] : [])))]);

    private static List<HistoryEntry> PlayGame(List<Candidate> bank, long seed, int count)
    {
        var byId = bank.ToDictionary(c => c.Id);
        var game = new List<HistoryEntry>();
        for (var ordinal = 0; ordinal < count; ordinal++)
        {
            var asked = game.Select(g => g.QuestionId).ToHashSet();
            var pick = QuestionSelector.Next([.. bank.Where(c => !asked.Contains(c.Id))], [], SelectionRules.Default, SelectionSeed.Rng(seed, ordinal), game)!;
            game.Add(new HistoryEntry(pick.QuestionId, pick.CorrectPosition, byId[pick.QuestionId].PatternKey));
        }
        return game;
    }

    private static int Pair(string id) => int.Parse(id[2..], System.Globalization.CultureInfo.InvariantCulture) / 2;

    [Fact]
    public void Link_makes_a_one_sided_relation_symmetric()
    {
        var bank = PairedBank(4);

        Assert.Equal(["q-00000"], bank[1].Related!);
        Assert.Equal(["q-00001"], bank[0].Related!);
    }

    [Fact]
    public void A_game_never_holds_both_questions_of_a_related_pair() =>
        Gen.Long.Sample(seed =>
        {
            // 24 questions in 12 pairs, 12 picks: without the rule a pair meets almost always.
            var game = PlayGame(PairedBank(24), seed, 12);

            Assert.Equal(12, game.Select(g => Pair(g.QuestionId)).Distinct().Count());
        }, iter: 60);

    [Fact]
    public void A_game_never_repeats_a_pattern_even_beyond_the_pattern_window() =>
        Gen.Long.Sample(seed =>
        {
            var bank = Enumerable.Range(0, 40).Select(i => new Candidate($"q-{i:D5}", $"muster-{i % 12}", (short)(i % 4))).ToList();

            var game = PlayGame(bank, seed, 12);

            Assert.Equal(12, game.Select(g => g.PatternKey).Distinct().Count());
        }, iter: 60);

    [Fact]
    public void Shared_sets_never_hold_both_questions_of_a_related_pair() =>
        Gen.Long.Sample(seed =>
        {
            var items = QuestionSets.Choose(PairedBank(20), 10, seed);

            Assert.Equal(10, items.Count);
            Assert.Equal(10, items.Select(i => Pair(i.QuestionId)).Distinct().Count());
        }, iter: 60);

    [Fact]
    public void A_game_gives_up_the_relation_only_when_nothing_else_is_left()
    {
        var game = PlayGame(PairedBank(4), 7, 4);

        Assert.Equal(4, game.Select(g => g.QuestionId).Distinct().Count());
        Assert.NotEqual(Pair(game[0].QuestionId), Pair(game[1].QuestionId));
    }
}
