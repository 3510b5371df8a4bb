using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orderly.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrderQueryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_channel_external_ref",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_customer_account_id",
                table: "orders",
                columns: new[] { "customer_account", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_external_ref_channel",
                table: "orders",
                columns: new[] { "external_ref", "channel" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_customer_account_id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_external_ref_channel",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_channel_external_ref",
                table: "orders",
                columns: new[] { "channel", "external_ref" },
                unique: true);
        }
    }
}
