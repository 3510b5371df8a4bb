using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orderly.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AllocationsKnowTheirOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "order_id",
                table: "line_allocations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Each stored allocation takes its line's order.
            migrationBuilder.Sql("""
                UPDATE line_allocations
                SET order_id = (SELECT order_lines.order_id FROM order_lines WHERE order_lines.id = line_allocations.order_line_id);
                """);

            migrationBuilder.CreateIndex(
                name: "ix_line_allocations_site_id_order_id",
                table: "line_allocations",
                columns: new[] { "site_id", "order_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_line_allocations_site_id_order_id",
                table: "line_allocations");

            // SQLite drops the column in place (3.35 and later); EF's DropColumn would rebuild the table
            // with foreign keys off, outside the migration's transaction.
            migrationBuilder.Sql("ALTER TABLE line_allocations DROP COLUMN order_id;");
        }
    }
}
