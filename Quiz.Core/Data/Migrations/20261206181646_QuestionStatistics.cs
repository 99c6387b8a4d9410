using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuestionStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "question_stats",
                columns: table => new
                {
                    question_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    asked = table.Column<int>(type: "integer", nullable: false),
                    correct = table.Column<int>(type: "integer", nullable: false),
                    timed_out = table.Column<int>(type: "integer", nullable: false),
                    median_answer_ms = table.Column<int>(type: "integer", nullable: true),
                    calibrated_difficulty = table.Column<short>(type: "smallint", nullable: true),
                    last_answer_id = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_question_stats", x => x.question_id);
                    table.CheckConstraint("ck_question_stats_counts", "asked >= 1 AND correct BETWEEN 0 AND asked AND timed_out BETWEEN 0 AND asked - correct");
                    table.CheckConstraint("ck_question_stats_difficulty", "calibrated_difficulty IS NULL OR calibrated_difficulty BETWEEN 1 AND 3");
                    table.CheckConstraint("ck_question_stats_median", "median_answer_ms IS NULL OR median_answer_ms >= 0");
                    table.ForeignKey(
                        name: "fk_question_stats_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "question_stats_cursor",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    last_answer_id = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_question_stats_cursor", x => x.id);
                    table.CheckConstraint("ck_question_stats_cursor_position", "last_answer_id >= 0");
                    table.CheckConstraint("ck_question_stats_cursor_singleton", "id = 1");
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "question_stats");

            migrationBuilder.DropTable(
                name: "question_stats_cursor");
        }
    }
}
