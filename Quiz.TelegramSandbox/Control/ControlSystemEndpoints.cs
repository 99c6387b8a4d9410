using System.Text.Json.Nodes;
using Quiz.TelegramSandbox.State;
using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.Control;

/// <summary>/sandbox/api: call log, settings, reset, raw updates and what the chat page needs to know about the bot.</summary>
public static class ControlSystemEndpoints
{
    public static RouteGroupBuilder MapControlSystem(this RouteGroupBuilder api)
    {
        api.MapGet("/calls", (string? method, long? since, CallLog calls) => TypedResults.Ok(
            calls.Since(since ?? 0, method).Select(c =>
                new CallView(c.Seq, c.Method, c.Parameters, c.Status, c.Ok, c.ErrorCode, c.Description, c.At))));

        api.MapGet("/settings", (SandboxSettings s) => TypedResults.Ok(new SettingsDto(s.RateLimits, s.DuplicateDeliveries)));
        api.MapPost("/settings", (SettingsDto request, SandboxSettings s) =>
        {
            if (request.DuplicateDeliveries is < 1 or > 5)
            {
                throw ControlProblem.BadRequest("duplicateDeliveries must be 1-5");
            }

            s.RateLimits = request.RateLimits ?? s.RateLimits;
            s.DuplicateDeliveries = request.DuplicateDeliveries ?? s.DuplicateDeliveries;
            return TypedResults.Ok(new SettingsDto(s.RateLimits, s.DuplicateDeliveries));
        });

        // What paid broadcasting has cost the bot: messages sent with allow_paid_broadcast and the Stars charged (0.1 each).
        api.MapGet("/paid-broadcast", (SendRateLimiter limiter) =>
            TypedResults.Ok(new PaidBroadcastView(limiter.PaidBroadcasts, limiter.PaidBroadcasts / 10m)));

        api.MapPost("/reset", (SandboxReset reset) =>
        {
            reset.Run();
            return TypedResults.NoContent();
        });

        // Telegram refusing refunds of one charge (400 "Bad Request: <description>") until the refusal is lifted.
        api.MapPost("/payments/{chargeId}/refund-refusal", (string chargeId, RefundRefusalRequest request, RefundRefusals refusals) =>
        {
            if (string.IsNullOrWhiteSpace(request.Description))
            {
                throw ControlProblem.BadRequest("description is required");
            }

            refusals.Refuse(chargeId, request.Description.Trim());
            return TypedResults.NoContent();
        });
        api.MapDelete("/payments/{chargeId}/refund-refusal", (string chargeId, RefundRefusals refusals) =>
            refusals.Lift(chargeId) ? Results.NoContent() : throw ControlProblem.NotFound("no refusal for this charge"));

        api.MapPost("/updates/raw", (JsonObject update, UpdateQueue queue) =>
            TypedResults.Ok(new RawUpdateResponse(queue.EnqueueRaw(update))));

        api.MapGet("/bot", (SandboxWorld world, CommandStore commands, WebhookState webhook) => TypedResults.Ok(new BotView(
            world.Bot.Id, world.Bot.FirstName, world.Bot.Username,
            WireJson.ToNode(commands.Get("default", "")), webhook.Config?.Url)));
        return api;
    }
}

/// <summary>Forgets every user, message, call, payment, pending update and the webhook; ids keep increasing.</summary>
public sealed class SandboxReset(
    SandboxWorld world, UpdateQueue queue, CallLog calls, CallbackRegistry callbacks, PaymentLedger ledger,
    RefundRefusals refusals, WebhookState webhook, SendRateLimiter limiter)
{
    public void Run()
    {
        webhook.Set(null);
        queue.Reset();
        world.Reset();
        calls.Clear();
        callbacks.Clear();
        ledger.Clear();
        refusals.Clear();
        limiter.Reset();
    }
}
