using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Players;

namespace Quiz.Core.Data.Configurations;

internal sealed class PlayerConfiguration : IEntityTypeConfiguration<Player>
{
    public void Configure(EntityTypeBuilder<Player> b)
    {
        b.ToTable("players", t =>
        {
            // A deleted player's tombstone holds -(2^53 + id): never a Telegram chat (ids have at most 52 bits).
            t.HasCheckConstraint("ck_players_telegram_user_id_positive", "telegram_user_id > 0 OR deleted_at IS NOT NULL");
            t.HasCheckConstraint("ck_players_deleted_anonymous",
                "deleted_at IS NULL OR (telegram_user_id < 0 AND first_name = '' AND username IS NULL AND language_code IS NULL AND deletion_token IS NULL)");
            t.HasCheckConstraint("ck_players_deletion_token", "(deletion_token IS NULL) = (deletion_token_expires_at IS NULL)");
            t.HasCheckConstraint("ck_players_ban_reason", "banned_at IS NOT NULL OR ban_reason IS NULL");
            t.HasCheckConstraint("ck_players_ranking_hold_reason", "ranking_held_at IS NOT NULL OR ranking_hold_reason IS NULL");
        });
        b.Property(p => p.Id).UseIdentityAlwaysColumn();
        b.Property(p => p.FirstName).HasMaxLength(64);
        b.Property(p => p.Username).HasMaxLength(64);
        b.Property(p => p.LanguageCode).HasMaxLength(16);
        b.Property(p => p.BanReason).HasMaxLength(Player.MaxModerationReason);
        b.Property(p => p.RankingHoldReason).HasMaxLength(Player.MaxModerationReason);
        b.Property(p => p.DeletionToken).HasMaxLength(32);
        b.HasIndex(p => p.TelegramUserId).IsUnique();

        // New players per Berlin day and their retention (the console's daily rollup).
        b.HasIndex(p => p.CreatedAt);

        // The console's search finds a part of a name (ILIKE '%…%', case-insensitive) through trigram indexes (pg_trgm).
        b.HasIndex(p => p.FirstName).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_players_first_name_trgm");
        b.HasIndex(p => p.Username).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_players_username_trgm");

        // The few players rankings leave out (tournament ranking SQL subtracts them).
        b.HasIndex(p => p.Id).HasFilter(RankedPlayers.UnrankedSql).HasDatabaseName(RankedPlayers.UnrankedIndex);
    }
}
