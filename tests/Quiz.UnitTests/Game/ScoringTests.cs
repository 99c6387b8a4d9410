using CsCheck;
using Quiz.Core.Game.Scoring;

namespace Quiz.UnitTests.Game;

public sealed class ScoringTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(0, 150)]
    [InlineData(10, 125)]
    [InlineData(19.9, 100)]
    [InlineData(20, 100)]
    public void Points_for_a_correct_answer_are_100_plus_a_linear_speed_bonus(double seconds, int expected) =>
        Assert.Equal(expected, AnswerScoring.Points(true, TimeSpan.FromSeconds(seconds), Limit));

    [Fact]
    public void Points_for_wrong_or_late_answers_are_zero()
    {
        Assert.Equal(0, AnswerScoring.Points(false, TimeSpan.FromSeconds(1), Limit));
        Assert.Equal(0, AnswerScoring.Points(true, TimeSpan.FromSeconds(20.001), Limit));
        Assert.True(AnswerScoring.IsLate(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(20.5), Limit));
    }

    [Fact]
    public void Points_never_grow_when_the_answer_is_slower() =>
        Gen.Select(Gen.Double[0, 20], Gen.Double[0, 20]).Sample((a, b) =>
        {
            var (fast, slow) = a <= b ? (a, b) : (b, a);
            Assert.True(AnswerScoring.Points(true, TimeSpan.FromSeconds(fast), Limit) >= AnswerScoring.Points(true, TimeSpan.FromSeconds(slow), Limit));
        });

    [Fact]
    public void ResultOrder_breaks_ties_by_time_then_finish_then_player()
    {
        var t = DateTimeOffset.UnixEpoch;
        var results = new[]
        {
            new RankedResult(4, 500, 5, 9000, t.AddMinutes(2)),
            new RankedResult(3, 500, 5, 9000, t.AddMinutes(1)),
            new RankedResult(2, 500, 5, 8000, t.AddMinutes(3)),
            new RankedResult(1, 600, 4, 20000, t.AddMinutes(5)),
            new RankedResult(5, 500, 5, 9000, t.AddMinutes(1)),
        };

        Assert.Equal([1L, 2, 3, 5, 4], results.Order(ResultOrder.Standard).Select(r => r.PlayerId));
        Assert.Equal([2L, 3, 5, 4, 1], results.Order(ResultOrder.Survival).Select(r => r.PlayerId));
    }

    [Fact]
    public void ResultOrder_is_a_total_order_independent_of_input_order() =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[1, 1000], (p, c, id) =>
                new RankedResult(id, p * 100, c, id % 3 * 1000, DateTimeOffset.UnixEpoch.AddSeconds(id % 2)))
            .Array[2, 30]
            .Sample(results =>
            {
                var distinct = results.DistinctBy(r => r.PlayerId).ToArray();
                var sorted = distinct.Order(ResultOrder.Standard).ToList();
                var shuffled = distinct.Reverse().Order(ResultOrder.Standard).ToList();
                Assert.Equal(sorted, shuffled);
            });
}
