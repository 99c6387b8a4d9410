using System.Globalization;
using Quiz.Admin.Texts;
using Quiz.Core.Tournaments;
using Quiz.Core.Tournaments.Series;

namespace Quiz.Admin.Api;

/// <summary>
/// Recurring tournaments in the admin API (ADR 0022), beside <c>/admin/tournaments</c>: list, create, edit, and
/// <c>POST /admin/tournament-series/{id}/pause|resume</c> (compare-and-set: a repeat answers 409). Audited under
/// <see cref="TournamentApiEndpoints.Actor"/>.
/// </summary>
public static class SeriesApiEndpoints
{
    /// <summary>
    /// The body of <c>POST</c> and <c>PUT</c>: <c>{"titlePattern":"Sonntagsturnier {datum}","weekdays":["sunday"],"startTime":"20:00",
    /// "durationMinutes":60,"entryFee":"free","questionCount":10,"horizonDays":7}</c>, optional <c>rewardTiers</c> as for tournaments;
    /// <c>startTime</c> is Berlin wall-clock time.
    /// </summary>
    public sealed record SeriesRequest(
        string? TitlePattern, IReadOnlyList<DayOfWeek>? Weekdays, string? StartTime, int DurationMinutes, TournamentEntryFee EntryFee,
        int QuestionCount, int HorizonDays = 7, IReadOnlyList<RewardTier>? RewardTiers = null)
    {
        public TournamentSeriesDraft? ToDraft() =>
            TimeOnly.TryParseExact(StartTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                ? new TournamentSeriesDraft(TitlePattern ?? "", Weekdays ?? [], time, DurationMinutes, EntryFee, QuestionCount, HorizonDays, RewardTiers)
                : null;
    }

    /// <summary>A series as scripts read it; <c>nextStartsAt</c> is the rule's next start (null while paused).</summary>
    public sealed record SeriesState(Guid Id, string TitlePattern, bool Paused, int Planned, DateTimeOffset? NextStartsAt, SeriesRow Series);

    public static void MapSeriesApi(this RouteGroupBuilder api)
    {
        var series = api.MapGroup("/tournament-series");

        series.MapGet("/", async (SeriesAdministration admin, TimeProvider time, CancellationToken ct) =>
            TypedResults.Ok((await admin.ListAsync(ct)).Select(s => State(s, time))));

        series.MapPost("/", async (SeriesRequest request, SeriesAdministration admin, TimeProvider time, CancellationToken ct) =>
        {
            if (request.ToDraft() is not { } draft) return Invalid([AdminTexts.SeriesApi.TimeFormat]);
            var saved = await admin.CreateAsync(draft, TournamentApiEndpoints.Actor, ct);
            return saved.Succeeded
                ? Results.Created($"{AdminApiEndpoints.Prefix}/tournament-series/{saved.Id}", State((await admin.GetAsync(saved.Id!.Value, ct))!, time))
                : Invalid(saved.Errors);
        });

        series.MapPut("/{id:guid}", async (Guid id, SeriesRequest request, SeriesAdministration admin, TimeProvider time, CancellationToken ct) =>
        {
            if (request.ToDraft() is not { } draft) return Invalid([AdminTexts.SeriesApi.TimeFormat]);
            var saved = await admin.EditAsync(id, draft, TournamentApiEndpoints.Actor, ct);
            return saved.Outcome == TransitionOutcome.NotFound ? NotFound()
                : saved.Errors.Count > 0 ? Invalid(saved.Errors)
                : Results.Ok(State((await admin.GetAsync(id, ct))!, time));
        });

        series.MapPost("/{id:guid}/pause", async (Guid id, SeriesAdministration admin, TimeProvider time, CancellationToken ct) =>
            await AnswerAsync(admin, id, await admin.PauseAsync(id, TournamentApiEndpoints.Actor, ct), time, ct));
        series.MapPost("/{id:guid}/resume", async (Guid id, SeriesAdministration admin, TimeProvider time, CancellationToken ct) =>
            await AnswerAsync(admin, id, await admin.ResumeAsync(id, TournamentApiEndpoints.Actor, ct), time, ct));
    }

    private static async Task<IResult> AnswerAsync(SeriesAdministration admin, Guid id, TransitionOutcome outcome, TimeProvider time, CancellationToken ct) =>
        outcome switch
        {
            TransitionOutcome.NotFound => NotFound(),
            TransitionOutcome.Changed => Results.Ok(State((await admin.GetAsync(id, ct))!, time)),
            _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: AdminTexts.SeriesApi.Unchanged),
        };

    private static SeriesState State(SeriesRow row, TimeProvider time) =>
        new(row.Id, row.TitlePattern, row.Paused, row.Planned, row.NextSlot(time.GetUtcNow())?.StartsAt, row);

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: SeriesRules.NotFound);

    private static IResult Invalid(IReadOnlyList<string> errors) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["series"] = [.. errors] }, title: AdminTexts.SeriesApi.Invalid);
}
