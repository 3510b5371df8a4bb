using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orderly.Data.Migrations.Postgres
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Each stored allocation takes its line's order. The default only filled the existing rows:
            // dropped, so an insert that leaves the order out fails rather than hide the order from
            // callers scoped to the allocation's site.
            migrationBuilder.Sql("""
                UPDATE line_allocations
                SET order_id = order_lines.order_id
                FROM order_lines
                WHERE order_lines.id = line_allocations.order_line_id;
                ALTER TABLE line_allocations ALTER COLUMN order_id DROP DEFAULT;
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

            migrationBuilder.DropColumn(
                name: "order_id",
                table: "line_allocations");
        }
    }
}
