using Quiz.Admin.Texts;
using Quiz.Core.Operations;

namespace Quiz.Admin.Api;

/// <summary>The machine interface of the console (seed §10), for scripts and the operators' tooling.</summary>
public static class AdminApiEndpoints
{
    public const string Prefix = "/admin";

    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        // The group brings its own gate; the console's login must never answer for it.
        var api = endpoints.MapGroup(Prefix)
            .AllowAnonymous()
            .AddEndpointFilter<AdminApiGuard>()
            .WithTags("Admin-API");

        api.MapGet("/overview", async (OverviewStatistics statistics, CancellationToken ct) =>
            TypedResults.Ok(await statistics.GetAsync(ct)));
        api.MapTournamentApi();
        api.MapSeriesApi();
        api.MapPlayerApi();
        api.MapFeatureApi();

        // Unknown paths pass the same gate, so probing without a token learns nothing.
        api.Map("/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: AdminTexts.Api.UnknownRoute));
        return api;
    }
}
