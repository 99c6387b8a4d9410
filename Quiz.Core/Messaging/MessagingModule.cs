using Microsoft.Extensions.DependencyInjection;

namespace Quiz.Core.Messaging;

public static class MessagingModule
{
    /// <summary>Update de-duplication and the outbox store the bot's dispatcher reads.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services) =>
        services.AddSingleton<UpdateClaims>().AddSingleton<OutboxStore>();
}
