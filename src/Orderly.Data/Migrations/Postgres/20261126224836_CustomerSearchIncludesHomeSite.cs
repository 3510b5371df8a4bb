using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orderly.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CustomerSearchIncludesHomeSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_customer_account_id",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_customer_account_id",
                table: "orders",
                columns: new[] { "customer_account", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "home_site_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_customer_account_id",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_customer_account_id",
                table: "orders",
                columns: new[] { "customer_account", "id" });
        }
    }
}
