
namespace Quiz.Bot.Handlers;

/// <summary>The map from button area to its handler: one line per area, nothing else routes buttons.</summary>
public static class CallbackAreas
{
    public static IServiceCollection AddCallbackAreas(this IServiceCollection services) =>
        services
            .AddArea<GameHandler>(GameButtons.Area)
            .AddArea<ReportHandler>(GameButtons.ReportArea)
            .AddArea<MenuHandler>(Menus.Area)
            .AddArea<MenuHandler>(BoardButtons.Area)
            .AddArea<ShopHandler>(ShopHandler.Area)
            .AddArea<SupportHandler>(SupportHandler.Area)
            .AddArea<SubscriptionHandler>(SubscriptionHandler.Area)
            .AddArea<PrivacyHandler>(PrivacyHandler.Area)
            .AddArea<TournamentHandler>(TournamentButtons.Area);

    /// <summary>The handler of an area, or null for data that names no area we know (a stale or forged button).</summary>
    public static ICallbackArea? Find(IServiceProvider services, string area) => services.GetKeyedService<ICallbackArea>(area);

    private static IServiceCollection AddArea<THandler>(this IServiceCollection services, string area) where THandler : class, ICallbackArea =>
        services.AddKeyedScoped<ICallbackArea>(area, (sp, _) => sp.GetRequiredService<THandler>());
}
