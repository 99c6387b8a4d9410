using Quiz.Bot.Handlers;
using Telegram.Bot.Types;

namespace Quiz.Bot.Inbound;

public enum InboundKind
{
    Command,
    Button,
    Invoice,
}

/// <summary>Which budgets an update draws on. Payments, pre-checkout queries and membership changes never wait: they are Telegram's, not the player's.</summary>
public static class InboundKinds
{
    private static readonly string InvoicePrefix = $"{ShopHandler.Area}:{ShopHandler.BuyAction}:";

    /// <summary>The player and the budgets, or null for an update that is never limited (a payment message carries no text).</summary>
    public static (long UserId, InboundKind[] Kinds)? Of(Update update) => update switch
    {
        { Message: { Text: not null, From: { } from } } => (from.Id, [InboundKind.Command]),
        { CallbackQuery: { From: { } from, Data: { } data } } when data.StartsWith(InvoicePrefix, StringComparison.Ordinal) =>
            (from.Id, [InboundKind.Button, InboundKind.Invoice]),
        { CallbackQuery.From: { } from } => (from.Id, [InboundKind.Button]),
        _ => null,
    };
}
