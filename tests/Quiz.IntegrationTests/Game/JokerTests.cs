using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Game.Duels;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Game;

public sealed class JokerTests(PostgresDatabase database) : GameKitTests(database)
{
    private async Task GrantJokersAsync(long player, int amount)
    {
        await using var db = Kit.Context();
        await using var tx = await db.Database.BeginTransactionAsync();
        Assert.True(await Wallet.GrantAsync(db, player, AssetKind.Joker, amount, LedgerReason.Adjustment, $"test-joker:{Guid.NewGuid():N}", null, Time.GetUtcNow(), default));
        await tx.CommitAsync();
    }

    private async Task<JokerResult> UseAsync(Guid session, long player, int ordinal)
    {
        await using var scope = Core.Scope();
        return await scope.Get<Jokers>().UseAsync(session, player, ordinal);
    }

    private async Task<AnswerResult> AnswerAtAsync(Guid session, long player, int ordinal, short position)
    {
        await using var scope = Core.Scope();
        return await scope.Get<AnswerService>().SubmitAnswerAsync(session, player, ordinal, position);
    }

    private async Task<(long Player, Guid Session, QuestionView Question)> QuickGameAsync(int jokers, GameMode mode = GameMode.Quick)
    {
        var player = await Kit.NewPlayerAsync();
        if (jokers > 0) await GrantJokersAsync(player, jokers);
        var session = (await Kit.StartAsync(player, mode, mode == GameMode.Category ? "modi" : null)).SessionId!.Value;
        return (player, session, (await Kit.NextAsync(session, player))!);
    }

    private async Task<(int Held, List<LedgerEntry> Used)> JokerStateAsync(long player)
    {
        await using var db = Kit.Context();
        var held = await db.Entitlements.Where(e => e.PlayerId == player && e.Kind == AssetKind.Joker).Select(e => e.Uses).SingleOrDefaultAsync();
        var used = await db.LedgerEntries.Where(l => l.PlayerId == player && l.Kind == AssetKind.Joker && l.Reason == LedgerReason.Consumption)
            .OrderBy(l => l.Id).ToListAsync();
        var sum = await db.LedgerEntries.Where(l => l.PlayerId == player && l.Kind == AssetKind.Joker).SumAsync(l => l.Delta);
        Assert.Equal(sum, held);
        return (held, used);
    }

    private async Task<short[]?> RemovedInDatabaseAsync(Guid session, int ordinal)
    {
        await using var db = Kit.Context();
        return await db.SessionQuestions.Where(q => q.SessionId == session && q.Ordinal == ordinal).Select(q => q.RemovedPositions).SingleAsync();
    }

    [Fact]
    public async Task Joker_in_Schnelles_Spiel_removes_two_wrong_positions_and_uses_one_joker_per_question()
    {
        var (player, session, question) = await QuickGameAsync(jokers: 2);
        Assert.Equal((2, 0), (question.JokersLeft, question.Removed.Count));
        var correct = await Kit.CorrectPositionAsync(session, question.Ordinal);

        var used = await UseAsync(session, player, question.Ordinal);

        Assert.Equal((JokerOutcome.Used, 1), (used.Outcome, used.JokersLeft));
        Assert.Equal(2, used.Removed.Distinct().Count());
        Assert.All(used.Removed, p => Assert.InRange(p, (short)0, (short)3));
        Assert.DoesNotContain(correct, used.Removed);
        Assert.Equal(used.Removed, await RemovedInDatabaseAsync(session, question.Ordinal));
        var (held, ledger) = await JokerStateAsync(player);
        var entry = Assert.Single(ledger);
        Assert.Equal((1, -1, $"joker:{session:N}:{question.Ordinal}", (Guid?)session), (held, entry.Delta, entry.IdempotencyKey, entry.SessionId));

        var again = await Kit.NextAsync(session, player);
        Assert.Equal(used.Removed, again!.Removed);
        Assert.Equal(0, again.JokersLeft);
        var repeated = await UseAsync(session, player, question.Ordinal);
        Assert.Equal((JokerOutcome.AlreadyUsed, 1), (repeated.Outcome, repeated.JokersLeft));
        Assert.Equal(used.Removed, repeated.Removed);

        Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(AnswerOutcome.Correct, (await AnswerAtAsync(session, player, question.Ordinal, correct)).Outcome);
        var second = (await Kit.NextAsync(session, player))!;
        Assert.Equal((1, 0), (second.JokersLeft, second.Removed.Count));
        var secondUse = await UseAsync(session, player, second.Ordinal);
        Assert.Equal((JokerOutcome.Used, 0), (secondUse.Outcome, secondUse.JokersLeft));
        Assert.DoesNotContain(await Kit.CorrectPositionAsync(session, second.Ordinal), secondUse.Removed);

        (held, ledger) = await JokerStateAsync(player);
        Assert.Equal(0, held);
        Assert.Equal([$"joker:{session:N}:0", $"joker:{session:N}:1"], ledger.Select(l => l.IdempotencyKey));
        Time.Advance(TimeSpan.FromSeconds(3));
        Assert.True((await AnswerAtAsync(session, player, second.Ordinal, await Kit.CorrectPositionAsync(session, second.Ordinal))).Counted);
        var third = (await Kit.NextAsync(session, player))!;
        Assert.Equal(0, third.JokersLeft);
        Assert.Equal(JokerOutcome.NoneLeft, (await UseAsync(session, player, third.Ordinal)).Outcome);
    }

    [Fact]
    public async Task Eight_parallel_presses_on_one_question_use_one_joker_and_all_see_the_same_removed_positions()
    {
        var (player, session, question) = await QuickGameAsync(jokers: 3);

        var results = await StartLine.RunAsync(8, async line =>
        {
            await line.ArriveAsync();
            return await UseAsync(session, player, question.Ordinal);
        });

        Assert.Equal(1, results.Count(r => r.Outcome == JokerOutcome.Used));
        Assert.Equal(7, results.Count(r => r.Outcome == JokerOutcome.AlreadyUsed));
        var removed = results.Single(r => r.Outcome == JokerOutcome.Used).Removed;
        Assert.All(results, r => Assert.Equal(removed, r.Removed));
        Assert.Equal(removed, await RemovedInDatabaseAsync(session, question.Ordinal));
        var (held, ledger) = await JokerStateAsync(player);
        Assert.Equal((2, 1), (held, ledger.Count));
    }

    [Fact]
    public async Task Without_a_joker_the_press_is_refused_and_nothing_changes()
    {
        var (player, session, question) = await QuickGameAsync(jokers: 0);
        Assert.Equal(0, question.JokersLeft);

        var result = await UseAsync(session, player, question.Ordinal);

        Assert.Equal((JokerOutcome.NoneLeft, 0), (result.Outcome, result.Removed.Count));
        Assert.Null(await RemovedInDatabaseAsync(session, question.Ordinal));
        Assert.Empty((await JokerStateAsync(player)).Used);
        Assert.Empty((await Kit.NextAsync(session, player))!.Removed);
    }

    [Theory]
    [InlineData(GameMode.Category)]
    [InlineData(GameMode.Survival)]
    public async Task Category_and_Survival_allow_the_joker(GameMode mode)
    {
        var (player, session, question) = await QuickGameAsync(jokers: 1, mode);
        Assert.Equal(1, question.JokersLeft);
        Assert.Equal(JokerOutcome.Used, (await UseAsync(session, player, question.Ordinal)).Outcome);
        Assert.Equal(0, (await JokerStateAsync(player)).Held);
    }

    [Fact]
    public async Task Tagesquiz_and_Duell_refuse_the_joker_and_show_none()
    {
        var (player, daily, dailyQuestion) = await QuickGameAsync(jokers: 2, GameMode.Daily);
        Assert.Equal(0, dailyQuestion.JokersLeft);
        Assert.Equal(JokerOutcome.NotAllowed, (await UseAsync(daily, player, dailyQuestion.Ordinal)).Outcome);
        Assert.Null(await RemovedInDatabaseAsync(daily, dailyQuestion.Ordinal));

        DuelStart duel;
        await using (var scope = Core.Scope()) duel = await scope.Get<DuelService>().ChallengeAsync(player);
        var duelSession = duel.SessionId!.Value;
        var duelQuestion = (await Kit.NextAsync(duelSession, player))!;
        Assert.Equal(0, duelQuestion.JokersLeft);
        Assert.Equal(JokerOutcome.NotAllowed, (await UseAsync(duelSession, player, duelQuestion.Ordinal)).Outcome);
        Assert.Null(await RemovedInDatabaseAsync(duelSession, duelQuestion.Ordinal));

        var (held, used) = await JokerStateAsync(player);
        Assert.Equal((2, 0), (held, used.Count));
    }

    [Fact]
    public async Task A_joker_is_refused_after_the_answer_after_the_deadline_for_another_player_and_for_another_question()
    {
        var (player, session, question) = await QuickGameAsync(jokers: 2);
        var stranger = await Kit.NewPlayerAsync("Fremd");
        await GrantJokersAsync(stranger, 1);

        Assert.Equal(JokerOutcome.NotCurrent, (await UseAsync(session, stranger, question.Ordinal)).Outcome);
        Assert.Equal(JokerOutcome.NotCurrent, (await UseAsync(session, player, question.Ordinal + 1)).Outcome);
        Assert.Equal(JokerOutcome.NotCurrent, (await UseAsync(Guid.NewGuid(), player, 0)).Outcome);
        Time.Advance(TimeSpan.FromSeconds(2));
        Assert.True((await Kit.AnswerAsync(session, player, question.Ordinal, correct: true)).Counted);
        Assert.Equal(JokerOutcome.NotCurrent, (await UseAsync(session, player, question.Ordinal)).Outcome);

        var next = (await Kit.NextAsync(session, player))!;
        Time.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(JokerOutcome.NotCurrent, (await UseAsync(session, player, next.Ordinal)).Outcome);

        Assert.Null(await RemovedInDatabaseAsync(session, question.Ordinal));
        Assert.Null(await RemovedInDatabaseAsync(session, next.Ordinal));
        var (held, used) = await JokerStateAsync(player);
        Assert.Equal((2, 0), (held, used.Count));
        Assert.Equal(1, (await JokerStateAsync(stranger)).Held);
    }

    [Fact]
    public async Task Answering_a_removed_position_is_not_current_and_records_nothing()
    {
        var (player, session, question) = await QuickGameAsync(jokers: 1);
        var used = await UseAsync(session, player, question.Ordinal);
        Time.Advance(TimeSpan.FromSeconds(2));

        foreach (var removed in used.Removed)
        {
            Assert.Equal(AnswerOutcome.NotCurrent, (await AnswerAtAsync(session, player, question.Ordinal, removed)).Outcome);
        }
        await using (var db = Kit.Context())
        {
            Assert.False(await db.AnswerEvents.AnyAsync(a => a.SessionId == session));
        }
        var kept = Enumerable.Range(0, 4).Select(p => (short)p).Except(used.Removed).ToList();
        var correct = await Kit.CorrectPositionAsync(session, question.Ordinal);
        var wrong = Assert.Single(kept, p => p != correct);
        Assert.Equal(AnswerOutcome.Wrong, (await AnswerAtAsync(session, player, question.Ordinal, wrong)).Outcome);
    }

    [Fact]
    public async Task The_database_refuses_removing_the_correct_option_three_options_or_one_twice()
    {
        var (_, session, question) = await QuickGameAsync(jokers: 0);
        var correct = await Kit.CorrectPositionAsync(session, question.Ordinal);
        var wrong = Enumerable.Range(0, 4).Select(p => (short)p).Where(p => p != correct).ToArray();

        async Task<int> SetAsync(short[] removed)
        {
            await using var db = Kit.Context();
            return await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE session_questions SET removed_positions = {removed} WHERE session_id = {session} AND ordinal = {question.Ordinal}");
        }

        foreach (var invalid in new[] { new[] { correct, wrong[0] }, wrong, new[] { wrong[0], wrong[0] }, new[] { wrong[0] }, new[] { wrong[0], (short)4 } })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => SetAsync(invalid));
            Assert.Equal((PostgresErrorCodes.CheckViolation, "ck_session_questions_removed"), (refused.SqlState, refused.ConstraintName));
        }
        Assert.Null(await RemovedInDatabaseAsync(session, question.Ordinal));
        Assert.Equal(1, await SetAsync([wrong[0], wrong[2]]));
        Assert.Equal<short>([wrong[0], wrong[2]], (await RemovedInDatabaseAsync(session, question.Ordinal))!);
    }
}
