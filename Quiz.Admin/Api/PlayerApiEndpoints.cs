using Quiz.Admin.Texts;
using Quiz.Core.AntiCheat;
using Quiz.Core.Players;

namespace Quiz.Admin.Api;

/// <summary>
/// <c>POST /admin/players/{id}/ban|unban</c> with <c>{ "reason": "…" }</c>: the console's ban through
/// <see cref="PlayerModeration"/>, audited under the actor <see cref="TournamentApiEndpoints.Actor"/>. As with the
/// tournament steps a repeat changes nothing and answers 409 (the player is already in that state), so a script can
/// tell "done now" from "was so before". A missing or blank reason is 400, an unknown or deleted player 404.
/// </summary>
public static class PlayerApiEndpoints
{
    /// <summary>The body; <see cref="Reason"/> is required (at most <see cref="Player.MaxModerationReason"/> characters) and audited.</summary>
    public sealed record ModerationRequest(string? Reason);

    public sealed record PlayerBanState(long Id, bool Banned);

    public static void MapPlayerApi(this RouteGroupBuilder api)
    {
        var players = api.MapGroup("/players");
        players.MapPost("/{id:long}/ban", (long id, ModerationRequest? request, PlayerModeration moderation, CancellationToken ct) =>
            ModerateAsync(id, request, banned: true, (reason, c) => moderation.BanAsync(id, reason, TournamentApiEndpoints.Actor, c), ct));
        players.MapPost("/{id:long}/unban", (long id, ModerationRequest? request, PlayerModeration moderation, CancellationToken ct) =>
            ModerateAsync(id, request, banned: false, (reason, c) => moderation.UnbanAsync(id, reason, TournamentApiEndpoints.Actor, c), ct));
    }

    private static async Task<IResult> ModerateAsync(
        long id, ModerationRequest? request, bool banned, Func<string, CancellationToken, Task<ModerationResult>> moderate, CancellationToken ct)
    {
        var reason = request?.Reason?.Trim() ?? "";
        if (reason.Length == 0) return Invalid(AdminTexts.PlayerApi.ReasonMissing);
        if (reason.Length > Player.MaxModerationReason) return Invalid(AdminTexts.PlayerApi.ReasonTooLong);

        return await moderate(reason, ct) switch
        {
            ModerationResult.Done => Results.Ok(new PlayerBanState(id, banned)),
            ModerationResult.AlreadyInThatState => Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: banned ? AdminTexts.PlayerApi.AlreadyBanned : AdminTexts.PlayerApi.NotBanned,
                detail: AdminTexts.PlayerApi.NothingChanged),
            ModerationResult.ReasonRequired => Invalid(AdminTexts.PlayerApi.ReasonMissing),
            _ => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: AdminTexts.PlayerApi.NotFound),
        };
    }

    private static IResult Invalid(string error) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [error] }, title: AdminTexts.PlayerApi.Invalid);
}
