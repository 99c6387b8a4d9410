using Quiz.Core.Players;
using Telegram.Bot.Types;

namespace Quiz.Bot.Handlers;

internal static class Identity
{
    public static PlayerIdentity Of(User user) => new(user.Id, user.FirstName, user.Username, user.LanguageCode);
}
