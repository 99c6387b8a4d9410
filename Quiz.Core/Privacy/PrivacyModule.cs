using Microsoft.Extensions.DependencyInjection;

namespace Quiz.Core.Privacy;

public static class PrivacyModule
{
    /// <summary>Data protection: a player's data export and the deletion of their account; one short-lived context per call.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services) =>
        services.AddSingleton<PlayerDataExport>().AddSingleton<PlayerDeletion>();
}
