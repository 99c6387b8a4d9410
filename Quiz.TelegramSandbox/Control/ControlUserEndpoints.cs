namespace Quiz.TelegramSandbox.Control;

/// <summary>/sandbox/api/users…: simulated players for tests and the chat page.</summary>
public static class ControlUserEndpoints
{
    public static RouteGroupBuilder MapControlUsers(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users");
        users.MapPost("/", (CreateUserRequest? request, SimulatedUsers sim) =>
        {
            var user = sim.Create(request ?? new CreateUserRequest(null, null, null, null));
            return TypedResults.Ok(new CreateUserResponse(user.Id, user.Id));
        });
        users.MapGet("/", (State.SandboxWorld world) => TypedResults.Ok(world.Users().Select(ToView)));
        users.MapGet("/{userId:long}", (long userId, SimulatedUsers sim) => TypedResults.Ok(ToView(sim.Get(userId))));
        users.MapPost("/{userId:long}/messages", (long userId, UserMessageRequest request, SimulatedUsers sim) =>
            TypedResults.Ok(sim.SendText(userId, request.Text)));
        users.MapPost("/{userId:long}/press", (long userId, PressRequest request, SimulatedUsers sim) =>
            TypedResults.Ok(sim.Press(userId, request)));
        users.MapGet("/{userId:long}/callbacks/{callbackQueryId}", (long userId, string callbackQueryId, SimulatedUsers sim) =>
            TypedResults.Ok(sim.Callback(userId, callbackQueryId)));
        users.MapPost("/{userId:long}/pay", async (long userId, PayRequest request, PaymentSimulator payments, CancellationToken ct) =>
            TypedResults.Ok(await payments.PayAsync(userId, request, ct)));
        users.MapGet("/{userId:long}/subscriptions", (long userId, SubscriptionSimulator subscriptions) =>
            TypedResults.Ok(subscriptions.List(userId)));
        users.MapPost("/{userId:long}/subscriptions/renew", (long userId, SubscriptionRequest request, SubscriptionSimulator subscriptions) =>
            TypedResults.Ok(subscriptions.Renew(userId, request)));
        users.MapPost("/{userId:long}/subscriptions/cancel", (long userId, SubscriptionRequest request, SubscriptionSimulator subscriptions) =>
            TypedResults.Ok(subscriptions.CancelByUser(userId, request)));
        users.MapPost("/{userId:long}/subscriptions/reenable", (long userId, SubscriptionRequest request, SubscriptionSimulator subscriptions) =>
            TypedResults.Ok(subscriptions.ReenableByUser(userId, request)));
        users.MapPost("/{userId:long}/stars/history", (long userId, StarHistoryRequest request, SimulatedUsers sim, State.PaymentLedger ledger, State.SandboxWorld world) =>
        {
            if (request.Count is < 1 or > 1_000_000 || request.Amount is < 1 or > 10_000)
            {
                throw ControlProblem.BadRequest("count must be 1-1000000 and amount 1-10000");
            }

            var user = sim.Get(userId);
            var prefix = string.IsNullOrWhiteSpace(request.ChargePrefix) ? $"stxhistory{Guid.NewGuid():N}"[..26] : request.ChargePrefix;
            var terms = new State.InvoiceTerms("Verlauf", "Verlauf", request.Payload ?? "history", "XTR", request.Amount, "", null, null);
            var (first, total) = ledger.SeedPayments(user.Id, user.ToWire(), terms, request.Count, prefix, request.Date ?? world.Now);
            return TypedResults.Ok(new StarHistoryResponse(first, total, prefix));
        });
        users.MapPost("/{userId:long}/block", (long userId, SimulatedUsers sim) => TypedResults.Ok(sim.SetBlocked(userId, true)));
        users.MapPost("/{userId:long}/unblock", (long userId, SimulatedUsers sim) => TypedResults.Ok(sim.SetBlocked(userId, false)));
        users.MapGet("/{userId:long}/chat", (long userId, SimulatedUsers sim) => TypedResults.Ok(sim.Chat(userId)));
        users.MapGet("/{userId:long}/chat/{messageId:int}/document", (long userId, int messageId, SimulatedUsers sim) =>
        {
            var document = sim.Document(userId, messageId);
            return TypedResults.File(document.Content, document.MimeType ?? "application/octet-stream", document.FileName);
        });
        return api;
    }

    private static UserView ToView(State.SimUser u) =>
        new(u.Id, u.Id, u.FirstName, u.Username, u.LanguageCode, u.Stars, u.Blocked);
}
