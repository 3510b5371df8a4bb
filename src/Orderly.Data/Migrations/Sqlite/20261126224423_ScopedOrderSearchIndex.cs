using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orderly.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScopedOrderSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_home_site_id",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_home_site_id_status_id",
                table: "orders",
                columns: new[] { "home_site_id", "status", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_home_site_id_status_id",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_home_site_id",
                table: "orders",
                column: "home_site_id");
        }
    }
}
