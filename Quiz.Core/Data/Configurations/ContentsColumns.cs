using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Economy;

namespace Quiz.Core.Data.Configurations;

/// <summary>
/// <see cref="Contents"/> as a complex property: the same five columns in <c>packages</c> and <c>invoices</c>,
/// named as before the type existed (no <c>contents_</c> prefix), so the schema did not change.
/// </summary>
internal static class ContentsColumns
{
    public static void Map(ComplexPropertyBuilder<Contents> contents)
    {
        contents.Property(c => c.Games).HasColumnName("games");
        contents.Property(c => c.ExtraLives).HasColumnName("extra_lives");
        contents.Property(c => c.Jokers).HasColumnName("jokers");
        contents.Property(c => c.TournamentTickets).HasColumnName("tournament_tickets");
        contents.Property(c => c.PremiumDays).HasColumnName("premium_days");
    }
}
