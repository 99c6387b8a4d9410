using Quiz.Admin.Texts;
using Quiz.Core.Tournaments;

namespace Quiz.Admin.Api;

/// <summary>
/// The tournament part of the admin API (seed §10): create a draft, change it with <c>PUT /admin/tournaments/{id}</c>
/// while DRAFT or SCHEDULED, then <c>POST /admin/tournaments/{id}/schedule|start|finish|rewards/issue|cancel</c>. Each step is Core's
/// compare-and-set, so repeating a call is harmless: the second answers 409 and changes nothing.
/// Changes are audited under the actor <see cref="Actor"/>.
/// </summary>
public static class TournamentApiEndpoints
{
    public const string Actor = "admin-api";

    /// <summary>
    /// The body of <c>POST /admin/tournaments</c> and <c>PUT /admin/tournaments/{id}</c>; times with offset (ISO 8601).
    /// <c>rewardTiers</c> (optional: a new one pays the defaults, an edit keeps its tiers) e.g.
    /// <c>[{"fromRank":1,"toRank":1,"contents":{"tournamentTickets":2}},{"topPercent":10,"contents":{"jokers":2}}]</c>.
    /// </summary>
    public sealed record CreateRequest(
        string? Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, TournamentEntryFee EntryFee, int QuestionCount,
        IReadOnlyList<RewardTier>? RewardTiers = null)
    {
        public TournamentDraft ToDraft() => new(Title ?? "", StartsAt, EndsAt, EntryFee, QuestionCount, RewardTiers);
    }

    public sealed record TournamentState(Guid Id, string State);

    public static void MapTournamentApi(this RouteGroupBuilder api)
    {
        var tournaments = api.MapGroup("/tournaments");

        tournaments.MapGet("/", async (TournamentAdministration admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct)));

        tournaments.MapPost("/", async (CreateRequest request, TournamentAdministration admin, CancellationToken ct) =>
        {
            var saved = await admin.CreateAsync(request.ToDraft(), Actor, ct);
            return saved.Succeeded
                ? Results.Created($"{AdminApiEndpoints.Prefix}/tournaments/{saved.Id}", await StateAsync(admin, saved.Id!.Value, ct))
                : Invalid(saved.Errors);
        });

        tournaments.MapPut("/{id:guid}", async (Guid id, CreateRequest request, TournamentAdministration admin, CancellationToken ct) =>
        {
            var saved = await admin.EditAsync(id, request.ToDraft(), Actor, ct);
            return saved.Outcome switch
            {
                TransitionOutcome.NotFound => NotFound(),
                _ when saved.Errors.Contains(TournamentRules.NotEditable) => Results.Problem(
                    statusCode: StatusCodes.Status409Conflict, title: TournamentRules.NotEditable,
                    detail: $"{AdminTexts.TournamentApi.CurrentState} {(await StateAsync(admin, id, ct))?.State}"),
                _ when saved.Errors.Count > 0 => Invalid(saved.Errors),
                _ => Results.Ok(await StateAsync(admin, id, ct)),
            };
        });
        tournaments.MapPost("/{id:guid}/cancel", async (Guid id, TournamentAdministration admin, CancellationToken ct) =>
            await AnswerAsync(admin, id, await admin.CancelAsync(id, Actor, ct), ct));
        tournaments.MapPost("/{id:guid}/schedule", async (Guid id, TournamentAdministration admin, CancellationToken ct) =>
        {
            var result = await admin.ScheduleAsync(id, Actor, ct);
            return result.Errors.Count > 0 ? Invalid(result.Errors) : await AnswerAsync(admin, id, result.Outcome, ct);
        });
        tournaments.MapPost("/{id:guid}/start", async (Guid id, TournamentAdministration admin, CancellationToken ct) =>
            await AnswerAsync(admin, id, await admin.StartNowAsync(id, Actor, ct), ct));
        tournaments.MapPost("/{id:guid}/finish", async (Guid id, TournamentAdministration admin, CancellationToken ct) =>
            await AnswerAsync(admin, id, await admin.FinishNowAsync(id, Actor, ct), ct));
        tournaments.MapPost("/{id:guid}/rewards/issue", async (Guid id, TournamentAdministration admin, CancellationToken ct) =>
            await AnswerAsync(admin, id, await admin.IssueRewardsAsync(id, Actor, ct), ct));

        tournaments.MapGet("/{id:guid}/standings", async (Guid id, TournamentAdministration admin, CancellationToken ct) =>
            await admin.StandingsAsync(id, ct: ct) is { } standings ? Results.Ok(standings) : NotFound());
    }

    private static async Task<IResult> AnswerAsync(TournamentAdministration admin, Guid id, TransitionOutcome outcome, CancellationToken ct) => outcome switch
    {
        TransitionOutcome.Changed => Results.Ok(await StateAsync(admin, id, ct)),
        TransitionOutcome.NotFound => NotFound(),
        TransitionOutcome.NoQuestions => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: AdminTexts.TournamentApi.NoQuestions),
        _ => Results.Problem(
            statusCode: StatusCodes.Status409Conflict, title: AdminTexts.TournamentApi.WrongState,
            detail: $"{AdminTexts.TournamentApi.CurrentState} {(await StateAsync(admin, id, ct))?.State}"),
    };

    private static async Task<TournamentState?> StateAsync(TournamentAdministration admin, Guid id, CancellationToken ct) =>
        await admin.GetAsync(id, ct) is { } t ? new TournamentState(t.Id, t.State.ToString().ToLowerInvariant()) : null;

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: AdminTexts.TournamentApi.NotFound);

    private static IResult Invalid(IReadOnlyList<string> errors) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["tournament"] = [.. errors] }, title: AdminTexts.TournamentApi.Invalid);
}
