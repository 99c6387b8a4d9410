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
            t.HasCheckConstraint("ck_players_telegram_user_id_positive", "telegram_user_id > 0");
            t.HasCheckConstraint("ck_players_ban_reason", "banned_at IS NOT NULL OR ban_reason IS NULL");
        });
        b.Property(p => p.Id).UseIdentityAlwaysColumn();
        b.Property(p => p.FirstName).HasMaxLength(64);
        b.Property(p => p.Username).HasMaxLength(64);
        b.Property(p => p.LanguageCode).HasMaxLength(16);
        b.Property(p => p.BanReason).HasMaxLength(500);
        b.HasIndex(p => p.TelegramUserId).IsUnique();
    }
}
