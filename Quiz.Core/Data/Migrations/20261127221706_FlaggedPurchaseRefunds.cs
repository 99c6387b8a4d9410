using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class FlaggedPurchaseRefunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_purchases_flagged",
                table: "purchases");

            migrationBuilder.AddCheckConstraint(
                name: "ck_purchases_flagged",
                table: "purchases",
                sql: "status <> 'flagged' OR flag_reason IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_purchases_flagged",
                table: "purchases");

            migrationBuilder.AddCheckConstraint(
                name: "ck_purchases_flagged",
                table: "purchases",
                sql: "(status = 'flagged') = (flag_reason IS NOT NULL)");
        }
    }
}
