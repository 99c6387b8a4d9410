using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TransportClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "processed_at",
                table: "processed_updates",
                newName: "received_at");

            migrationBuilder.RenameIndex(
                name: "ix_processed_updates_processed_at",
                table: "processed_updates",
                newName: "ix_processed_updates_received_at");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "completed_at",
                table: "processed_updates",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "locked_until",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "completed_at",
                table: "processed_updates");

            migrationBuilder.DropColumn(
                name: "locked_until",
                table: "outbox_messages");

            migrationBuilder.RenameColumn(
                name: "received_at",
                table: "processed_updates",
                newName: "processed_at");

            migrationBuilder.RenameIndex(
                name: "ix_processed_updates_received_at",
                table: "processed_updates",
                newName: "ix_processed_updates_processed_at");
        }
    }
}
