using Microsoft.Extensions.DependencyInjection;

namespace Quiz.Core.Announcements;

public static class AnnouncementsModule
{
    /// <summary>The console's administration, the worker's fan-out and the bot's text lookup (one context per call each).</summary>
    public static IServiceCollection AddAnnouncements(this IServiceCollection services) =>
        services.AddSingleton<AnnouncementAdministration>().AddSingleton<AnnouncementFanOut>();
}
