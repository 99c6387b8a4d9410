using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Game;
using Quiz.Core.Game.Duels;
using Quiz.Core.Messaging;
using Quiz.Core.Players;

namespace Quiz.Bot.Handlers;

/// <summary>Renders the game use-cases: starts of every mode, question messages with the verdict on the previous answer, the summary.</summary>
public sealed partial class GameHandler(
    GameService games, AnswerService answers, Jokers jokers, DuelService duels, GameResults results, GameMessages messages, BotReplies replies) : ICallbackArea
{
    public async Task StartAsync(long chatId, PlayerSnapshot player, GameMode mode, string? categoryId, CancellationToken ct)
    {
        if (mode == GameMode.Duel)
        {
            var duel = await duels.ChallengeAsync(player.Id, ct);
            await BeginAsync(chatId, player, duel.Outcome == DuelOutcome.Started ? De.DuelIntro : De.DuelRefused(duel.Outcome, null), duel.SessionId, ct);
            return;
        }
        var start = await games.StartSessionAsync(player.Id, mode, categoryId, ct);
        var intro = start.Outcome switch
        {
            StartOutcome.QuotaExhausted => De.QuotaExhausted,
            StartOutcome.UnknownCategory => De.UnknownCategory,
            StartOutcome.AlreadyPlayed => De.DailyAlreadyPlayed,
            StartOutcome.NoQuestions => De.NoQuestions,
            StartOutcome.TournamentInProgress => De.TournamentInProgress,
            _ when mode == GameMode.Survival => De.SurvivalIntro,
            _ when mode == GameMode.Daily => De.DailyIntro,
            _ => null,
        };
        if (start.PaidWith == Allowance.Credit) intro = intro is null ? De.CreditUsed : De.CreditUsed + "\n\n" + intro;
        await BeginAsync(chatId, player, intro, start.SessionId, ct);
    }

    /// <summary><c>/start duell_&lt;code&gt;</c>: accept the duel and play the same questions.</summary>
    public async Task AcceptDuelAsync(long chatId, PlayerSnapshot player, string code, CancellationToken ct)
    {
        var duel = await duels.AcceptAsync(player.Id, code, ct);
        var intro = duel.Outcome == DuelOutcome.Started ? De.DuelAccepted(duel.ChallengerName ?? "") : De.DuelRefused(duel.Outcome, duel.ChallengerName);
        await BeginAsync(chatId, player, intro, duel.SessionId, ct);
    }

    /// <summary>
    /// Answers the press at once (stale or forged buttons get the short notice), then sends one message: the verdict
    /// on top of the next question or the result. The answered message stays as it is (ADR 0013).
    /// </summary>
    public async Task AnswerAsync(string callbackQueryId, long chatId, PlayerSnapshot player, CallbackData data, CancellationToken ct)
    {
        AnswerTurn? turn = null;
        if (GameButtons.TryParseAnswer(data, out var session, out var ordinal, out var position))
        {
            turn = await answers.AnswerAsync(session, player.Id, ordinal, position, ct);
        }
        var notice = turn?.Result switch
        {
            { Outcome: AnswerOutcome.Late } => De.TimeUp,
            { Counted: true } => null,
            { Outcome: AnswerOutcome.Passed } => De.QuestionPassed,
            { Outcome: AnswerOutcome.AlreadyAnswered } => De.AlreadyAnswered,
            _ => De.StaleButton,
        };
        await replies.AnswerCallbackAsync(callbackQueryId, notice, ct);
        // The answer came with the next question (asked in the same transaction), or none: the game is over.
        if (turn is { Result.Counted: true }) await SendAsync(chatId, session, turn.Next, turn.Result, ct);
    }

    /// <summary>"🃏 50:50": two wrong options struck through and their buttons gone; a repeated press shows the same.</summary>
    public async Task UseJokerAsync(string callbackQueryId, long chatId, int messageId, PlayerSnapshot player, CallbackData data, CancellationToken ct)
    {
        var used = GameButtons.TryParseQuestion(data, out var session, out var ordinal)
            ? await jokers.UseAsync(session, player.Id, ordinal, ct)
            : new JokerResult(JokerOutcome.NotCurrent, []);
        await replies.AnswerCallbackAsync(callbackQueryId, used.Outcome switch
        {
            JokerOutcome.Used or JokerOutcome.AlreadyUsed => De.JokerUsed,
            JokerOutcome.NoneLeft => De.JokerNoneLeft,
            JokerOutcome.NotAllowed => De.JokerNotAllowed,
            _ => De.StaleButton,
        }, ct);
        // Also on AlreadyUsed: a redelivered press whose first edit never happened still strikes the options out.
        if (used.Outcome is not (JokerOutcome.Used or JokerOutcome.AlreadyUsed) || await messages.QuestionAgainAsync(session, ordinal, ct) is not { } asked) return;
        await replies.EditAsync(chatId, messageId, asked.Text, asked.Buttons, ct);
    }

    /// <summary>"Weiter ▶️" after a paused game: the next question (or the open one again).</summary>
    public async Task ContinueAsync(string callbackQueryId, long chatId, PlayerSnapshot player, CallbackData data, CancellationToken ct)
    {
        var owned = GameButtons.TryParseSession(data, out var session) && await games.GetSessionAsync(session, ct) is { } s
            && s.PlayerId == player.Id && GameSession.IsOpen(s.State);
        await replies.AnswerCallbackAsync(callbackQueryId, owned ? null : De.StaleButton, ct);
        if (owned) await SendNextAsync(chatId, player, session, null, ct);
    }

    /// <summary>The intro (if any), then the session's first (or open) question; without a session the intro alone.</summary>
    public async Task BeginAsync(long chatId, PlayerSnapshot player, string? intro, Guid? session, CancellationToken ct)
    {
        if (session is null)
        {
            await replies.SendAsync(chatId, intro ?? De.NoQuestions, Menus.BackToMenu(), ct);
            return;
        }
        if (intro is not null) await replies.SendAsync(chatId, intro, null, ct);
        await SendNextAsync(chatId, player, session.Value, null, ct);
    }

    /// <summary>The next question (or the result), below the verdict on <paramref name="answered"/> when an answer led here.</summary>
    private async Task SendNextAsync(long chatId, PlayerSnapshot player, Guid session, AnswerResult? answered, CancellationToken ct) =>
        await SendAsync(chatId, session, await games.GetNextQuestionAsync(session, player.Id, ct), answered, ct);

    /// <summary>The question <paramref name="next"/> (or, without one, the result), below the verdict on <paramref name="answered"/>.</summary>
    private async Task SendAsync(long chatId, Guid session, QuestionView? next, AnswerResult? answered, CancellationToken ct)
    {
        if (next is not null)
        {
            // The sender records the question's message id once it is sent, directly or from the outbox.
            await replies.SendAsync(chatId, messages.Question(next, answered), ct);
            return;
        }
        var summary = await results.SummaryAsync(session, ct) ?? new SendMessagePayload(De.NoQuestions, Menus.BackToMenu());
        await replies.SendAsync(chatId, GameMessages.Result(summary, answered), ct);
    }
}
