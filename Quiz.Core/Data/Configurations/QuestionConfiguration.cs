using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Questions;

namespace Quiz.Core.Data.Configurations;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    // Exactly four options, each 1–100 characters, pairwise distinct: enforced by the database too.
    private const string OptionsValid =
        "cardinality(options) = 4 AND array_position(options, NULL) IS NULL"
        + " AND char_length(options[1]) BETWEEN 1 AND 100 AND char_length(options[2]) BETWEEN 1 AND 100"
        + " AND char_length(options[3]) BETWEEN 1 AND 100 AND char_length(options[4]) BETWEEN 1 AND 100"
        + " AND options[1] <> options[2] AND options[1] <> options[3] AND options[1] <> options[4]"
        + " AND options[2] <> options[3] AND options[2] <> options[4] AND options[3] <> options[4]";

    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.ToTable("questions", t =>
        {
            t.HasCheckConstraint("ck_questions_id_slug", "id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
            t.HasCheckConstraint("ck_questions_difficulty", "difficulty BETWEEN 1 AND 3");
            t.HasCheckConstraint("ck_questions_text_length", "char_length(text) BETWEEN 1 AND 300");
            t.HasCheckConstraint("ck_questions_explanation_length", "char_length(explanation) BETWEEN 1 AND 200");
            t.HasCheckConstraint("ck_questions_source_note", "char_length(source_note) >= 1");
            t.HasCheckConstraint("ck_questions_options", OptionsValid);
            t.HasCheckConstraint("ck_questions_correct_option", "correct_option BETWEEN 0 AND 3");
            t.HasCheckConstraint("ck_questions_status", EnumColumns.InList<QuestionStatus>("status"));
        });
        b.Property(q => q.Id).HasMaxLength(40);
        b.Property(q => q.CategoryId).HasMaxLength(40);
        b.Property(q => q.Text).HasMaxLength(Question.MaxTextLength);
        b.Property(q => q.Explanation).HasMaxLength(Question.MaxExplanationLength);
        b.Property(q => q.SourceNote).HasMaxLength(500);
        b.Property(q => q.PatternKey).HasMaxLength(60);
        b.Property(q => q.Tags).HasDefaultValueSql("'{}'::text[]");
        b.Property(q => q.Related).HasDefaultValueSql("'{}'::text[]");
        b.Property(q => q.Status).HasEnumText();
        b.HasOne(q => q.Category).WithMany().HasForeignKey(q => q.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(q => new { q.CategoryId, q.Status });
        b.HasIndex(q => q.PatternKey);
    }
}
