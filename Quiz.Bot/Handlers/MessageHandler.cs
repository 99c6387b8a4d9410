using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Features;
using Quiz.Core.Game;
using Quiz.Core.Players;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Quiz.Bot.Handlers;

/// <summary>Text messages: commands (<c>/start payload</c>, <c>/hilfe</c>, …) and free text.</summary>
public sealed class MessageHandler(
    PlayerDirectory players, BotReplies replies, GameHandler games, ProfileHandler profiles, ShopHandler shop, SupportHandler support,
    TournamentHandler tournaments, PrivacyHandler privacy, FeatureSnapshot features)
{
    /// <summary>
    /// A ban ends playing and buying, not the player's data-protection rights nor the way to appeal:
    /// the privacy commands and <c>/paysupport</c> stay open.
    /// </summary>
    public static readonly IReadOnlySet<string?> OpenWhenBanned = new HashSet<string?>(PrivacyHandler.Commands.Append(SupportHandler.Command), StringComparer.Ordinal);

    public async Task HandleAsync(Message message, string text, CancellationToken ct)
    {
        if (message.From is not { IsBot: false } from || message.Chat.Type != ChatType.Private) return;
        var player = await players.TouchAsync(Identity.Of(from), ct);
        var chatId = message.Chat.Id;
        var (command, payload) = ParseCommand(text);
        if (player.IsBanned && !OpenWhenBanned.Contains(command))
        {
            // The awaited support description still goes through; anything else gets one notice a day, then silence.
            if (command is null && await support.TrySubmitAsync(chatId, player, text, ct)) return;
            if (await players.ClaimBanNoticeAsync(player.Id, ct)) await replies.SendAsync(chatId, De.Banned, null, ct);
            return;
        }

        GameMode? mode = command switch
        {
            "spielen" => GameMode.Quick,
            "tagesquiz" => GameMode.Daily,
            "duell" => GameMode.Duel,
            _ => null,
        };
        if (mode is not null)
        {
            await games.StartAsync(chatId, player, mode.Value, null, ct);
            return;
        }
        if (command == "start" && payload is not null && payload.StartsWith(BotLinks.DuelPrefix, StringComparison.Ordinal))
        {
            await games.AcceptDuelAsync(chatId, player, payload[BotLinks.DuelPrefix.Length..], ct);
            return;
        }
        if (command == "start" && payload is not null && payload.StartsWith(BotLinks.TournamentPrefix, StringComparison.Ordinal))
        {
            await tournaments.ShowOneAsync(chatId, player, payload[BotLinks.TournamentPrefix.Length..], ct);
            return;
        }
        if (command == "turniere")
        {
            await tournaments.ShowListAsync(chatId, player, ct);
            return;
        }
        if (command == "profil")
        {
            await profiles.ShowProfileAsync(chatId, player, ct);
            return;
        }
        if (command == "shop")
        {
            await shop.ShowAsync(chatId, ct);
            return;
        }
        if (command == SupportHandler.Command)
        {
            await support.OpenAsync(chatId, player, payload, ct);
            return;
        }
        if (command == "meinedaten")
        {
            await privacy.SendExportAsync(chatId, player, ct);
            return;
        }
        if (command == "loeschen")
        {
            await privacy.AskDeletionAsync(chatId, player, ct);
            return;
        }
        if (command is null && await support.TrySubmitAsync(chatId, player, text, ct)) return;
        if (command == "bestenliste")
        {
            await profiles.ShowLeaderboardAsync(chatId, player, null, ct);
            return;
        }
        var reply = command switch
        {
            null => (De.FreeText, Menus.MainMenu(features.Current)),
            "start" => (De.Welcome(player.FirstName), Menus.MainMenu(features.Current)),
            "hilfe" or "help" => (De.HelpFor(features.Current), Menus.BackToMenu()),
            "datenschutz" => (De.Privacy, Menus.BackToMenu()),
            "terms" or "agb" => (De.Terms, Menus.BackToMenu()),
            _ => (De.UnknownCommand("/" + command), Menus.BackToMenu()),
        };
        await replies.SendAsync(chatId, reply.Item1, reply.Item2, ct);
    }

    /// <summary><c>/start@QuizBot duell_ab12</c> → ("start", "duell_ab12"); free text → (null, null).</summary>
    public static (string? Command, string? Payload) ParseCommand(string text)
    {
        if (!text.StartsWith('/') || text.Length < 2) return (null, null);
        var space = text.IndexOfAny([' ', '\n']);
        var head = space < 0 ? text[1..] : text[1..space];
        var at = head.IndexOf('@');
        var command = (at < 0 ? head : head[..at]).ToLowerInvariant();
        var payload = space < 0 ? null : text[(space + 1)..].Trim();
        return (command, string.IsNullOrEmpty(payload) ? null : payload);
    }
}
