using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RewardTiersPerTournament : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reward_tiers",
                table: "tournaments",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_tournaments_reward_tiers",
                table: "tournaments",
                sql: "reward_tiers IS NULL OR jsonb_typeof(reward_tiers) = 'array'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_tournaments_reward_tiers",
                table: "tournaments");

            migrationBuilder.DropColumn(
                name: "reward_tiers",
                table: "tournaments");
        }
    }
}
