using Microsoft.Extensions.DependencyInjection;
using Quiz.Core.Audit;

namespace Quiz.Core.Players;

public static class PlayersModule
{
    /// <summary>The player directory (identity upsert, snapshots), data export and deletion, the audit log's reader; one short-lived context per call.</summary>
    public static IServiceCollection AddPlayers(this IServiceCollection services) =>
        services.AddSingleton<PlayerDirectory>().AddSingleton<PlayerDataExport>().AddSingleton<PlayerDeletion>()
            .AddSingleton<AuditReader>();
}
