using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Game;
using Quiz.Core.Operations.Dashboard;
using Quiz.Core.Tournaments;

namespace Quiz.Core.Data.Configurations;

internal sealed class DailyFiguresConfiguration : IEntityTypeConfiguration<DailyFigures>
{
    public void Configure(EntityTypeBuilder<DailyFigures> b)
    {
        b.ToTable("daily_figures", t =>
        {
            t.HasCheckConstraint("ck_daily_figures_counts",
                "active_players >= 0 AND new_players >= 0 AND answers >= 0 AND correct_answers BETWEEN 0 AND answers "
                + "AND stars_gross >= 0 AND stars_refunded >= 0 AND premium_active >= 0 AND tournament_entrants >= 0");
            t.HasCheckConstraint("ck_daily_figures_retained", "retained_players IS NULL OR retained_players BETWEEN 0 AND new_players");
        });
        b.HasKey(f => f.Day);
    }
}

internal sealed class DailyModeGamesConfiguration : IEntityTypeConfiguration<DailyModeGames>
{
    public void Configure(EntityTypeBuilder<DailyModeGames> b)
    {
        b.ToTable("daily_mode_games", t =>
        {
            t.HasCheckConstraint("ck_daily_mode_games_mode", EnumColumns.InList<GameMode>("mode"));
            t.HasCheckConstraint("ck_daily_mode_games_games", "games >= 0");
        });
        b.Property(g => g.Mode).HasEnumText();
        b.HasKey(g => new { g.Day, g.Mode });
    }
}

/// <summary>
/// The daily rollup counts a day's entries by their time; kept here with the rollup rather than in the tournament
/// module's configuration, which only adds to the same entity.
/// </summary>
internal sealed class TournamentEntryDayIndex : IEntityTypeConfiguration<TournamentEntry>
{
    public void Configure(EntityTypeBuilder<TournamentEntry> b) => b.HasIndex(e => e.JoinedAt);
}
