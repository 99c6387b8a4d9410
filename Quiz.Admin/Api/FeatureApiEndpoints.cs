using Quiz.Admin.Texts;
using Quiz.Core.Features;

namespace Quiz.Admin.Api;

/// <summary>
/// <c>GET /admin/features</c> lists every switch with its last change; <c>PUT /admin/features</c> takes a JSON object of
/// switch → true/false (<c>{"maintenance": true}</c>), changes only those, audited under <see cref="TournamentApiEndpoints.Actor"/>,
/// and answers the whole list. Unknown switches or missing values change nothing (400 with German reasons).
/// </summary>
public static class FeatureApiEndpoints
{
    public sealed record SwitchState(string Key, bool On, DateTimeOffset ChangedAt, string ChangedBy);

    public sealed record ChangeAnswer(IReadOnlyList<string> Changed, IReadOnlyList<SwitchState> Switches);

    public static void MapFeatureApi(this RouteGroupBuilder api)
    {
        api.MapGet("/features", async (FeatureSwitches switches, CancellationToken ct) => TypedResults.Ok(States(await switches.ListAsync(ct))));

        api.MapPut("/features", async (Dictionary<string, bool?>? body, FeatureSwitches switches, CancellationToken ct) =>
        {
            var errors = new List<string>();
            var changes = new Dictionary<Feature, bool>();
            if (body is null || body.Count == 0) errors.Add(AdminTexts.Features.Empty);
            foreach (var (key, on) in body ?? [])
            {
                if (!FeatureKeys.TryParse(key, out var feature)) errors.Add(AdminTexts.Features.UnknownSwitch(key));
                else if (on is null) errors.Add(AdminTexts.Features.MissingValue(key));
                else changes[feature] = on.Value;
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["features"] = [.. errors] }, title: AdminTexts.Features.Invalid);
            }
            var result = await switches.ChangeAsync(changes, TournamentApiEndpoints.Actor, ct);
            return Results.Ok(new ChangeAnswer([.. result.Changed.Select(c => c.Key)], States(result.Switches)));
        });
    }

    private static List<SwitchState> States(IEnumerable<FeatureSwitchView> views) =>
        [.. views.Select(v => new SwitchState(v.Key, v.On, v.ChangedAt, v.ChangedBy))];
}
