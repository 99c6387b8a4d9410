using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Game;
using Quiz.Core.Questions;

namespace Quiz.Core.Data.Configurations;

internal sealed class QuestionSetConfiguration : IEntityTypeConfiguration<QuestionSet>
{
    public void Configure(EntityTypeBuilder<QuestionSet> b)
    {
        b.ToTable("question_sets", t => t.HasCheckConstraint("ck_question_sets_kind", EnumColumns.InList<QuestionSetKind>("kind")));
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Kind).HasEnumText();
        b.Property(s => s.Key).HasMaxLength(64);

        // Racing creators of one day's Tagesquiz: the second insert loses and reads the first.
        b.HasIndex(s => new { s.Kind, s.Key }).IsUnique().HasDatabaseName(QuestionSets.UniqueKindKey);
        b.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionSetItemConfiguration : IEntityTypeConfiguration<QuestionSetItem>
{
    public void Configure(EntityTypeBuilder<QuestionSetItem> b)
    {
        b.ToTable("question_set_items", t =>
        {
            t.HasCheckConstraint("ck_question_set_items_ordinal", "ordinal >= 0");
            t.HasCheckConstraint(
                "ck_question_set_items_option_order",
                "cardinality(option_order) = 4 AND option_order @> ARRAY[0,1,2,3]::smallint[]");
            t.HasCheckConstraint("ck_question_set_items_correct_position", "correct_position BETWEEN 0 AND 3");
        });
        b.HasKey(i => new { i.SetId, i.Ordinal });
        b.Property(i => i.QuestionId).HasMaxLength(40);
        b.HasOne<Question>().WithMany().HasForeignKey(i => i.QuestionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.SetId, i.QuestionId }).IsUnique();
    }
}
