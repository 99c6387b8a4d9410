using System.Text.Json.Nodes;
using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.BotApi;

/// <summary>A successful call: the result and, for a few methods (setWebhook), Telegram's description.</summary>
public sealed record BotResult(JsonNode Result, string? Description = null)
{
    public static BotResult True(string? description = null) => new(JsonValue.Create(true), description);

    public static BotResult Of<T>(T value) => new(WireJson.ToNode(value)!);
}

public delegate Task<BotResult> BotMethodHandler(BotParameters parameters, CancellationToken ct);

/// <summary>A group of Bot API methods that registers its handlers with the router.</summary>
public interface IBotMethodGroup
{
    void Register(BotMethodRouter router);
}

/// <summary>Maps each method of <see cref="BotMethodTable"/> to its handler; refuses to start with one missing.</summary>
public sealed class BotMethodRouter
{
    private readonly Dictionary<string, BotMethodHandler> _handlers = new(StringComparer.Ordinal);

    public BotMethodRouter(IEnumerable<IBotMethodGroup> groups)
    {
        foreach (var group in groups)
        {
            group.Register(this);
        }

        var missing = BotMethodTable.All.Select(m => m.Name).Where(n => !_handlers.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("Bot API methods without handler: " + string.Join(", ", missing));
        }
    }

    public void Map(string method, BotMethodHandler handler)
    {
        var declared = BotMethodTable.Find(method)
            ?? throw new InvalidOperationException($"{method} is not declared in {nameof(BotMethodTable)}.");
        _handlers.Add(declared.Name, handler);
    }

    public void Map(string method, Func<BotParameters, BotResult> handler) =>
        Map(method, (p, _) => Task.FromResult(handler(p)));

    public Task<BotResult> InvokeAsync(BotParameters parameters, CancellationToken ct) =>
        _handlers[parameters.Method.Name](parameters, ct);
}
