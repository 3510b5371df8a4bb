using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orderly.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Orders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "substitutes",
                table: "items",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    biz_step = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    entity_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    order_id = table.Column<long>(type: "INTEGER", nullable: true),
                    site_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    external_ref = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    customer_account = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    home_site_id = table.Column<long>(type: "INTEGER", nullable: false),
                    ship_to = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    requested_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    priority = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    holds = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_orders_sites_home_site_id",
                        column: x => x.home_site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policy_values",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    scope_value = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    approved_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    justification = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    valid_until = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    retired_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_values", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "order_decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    order_id = table.Column<long>(type: "INTEGER", nullable: false),
                    line_number = table.Column<int>(type: "INTEGER", nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    policy_key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    policy_value = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    scope_value = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    policy_version = table.Column<int>(type: "INTEGER", nullable: false),
                    approved_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    explanation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_decisions_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "order_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    order_id = table.Column<long>(type: "INTEGER", nullable: false),
                    line_number = table.Column<int>(type: "INTEGER", nullable: false),
                    item_id = table.Column<long>(type: "INTEGER", nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    requested_quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    requested_unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    promise_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    quantity_milli = table.Column<long>(type: "INTEGER", nullable: false),
                    allocated_milli = table.Column<long>(type: "INTEGER", nullable: false),
                    picked_milli = table.Column<long>(type: "INTEGER", nullable: false),
                    packed_milli = table.Column<long>(type: "INTEGER", nullable: false),
                    shipped_milli = table.Column<long>(type: "INTEGER", nullable: false),
                    backordered_milli = table.Column<long>(type: "INTEGER", nullable: false),
                    cancelled_milli = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_lines", x => x.id);
                    table.CheckConstraint("ck_order_lines_stages_add_up", "allocated_milli + picked_milli + packed_milli + shipped_milli + backordered_milli + cancelled_milli = quantity_milli");
                    table.ForeignKey(
                        name: "fk_order_lines_items_item_id",
                        column: x => x.item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_order_lines_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "line_allocations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    order_line_id = table.Column<long>(type: "INTEGER", nullable: false),
                    site_id = table.Column<long>(type: "INTEGER", nullable: false),
                    location_id = table.Column<long>(type: "INTEGER", nullable: false),
                    item_id = table.Column<long>(type: "INTEGER", nullable: false),
                    quantity_milli = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_line_allocations", x => x.id);
                    table.CheckConstraint("ck_line_allocations_quantity_not_negative", "quantity_milli >= 0");
                    table.ForeignKey(
                        name: "fk_line_allocations_items_item_id",
                        column: x => x.item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_line_allocations_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_line_allocations_order_lines_order_line_id",
                        column: x => x.order_line_id,
                        principalTable: "order_lines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_line_allocations_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_events_order_id_id",
                table: "events",
                columns: new[] { "order_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_line_allocations_item_id",
                table: "line_allocations",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_line_allocations_location_id",
                table: "line_allocations",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "ix_line_allocations_order_line_id",
                table: "line_allocations",
                column: "order_line_id");

            migrationBuilder.CreateIndex(
                name: "ix_line_allocations_site_id_quantity_milli",
                table: "line_allocations",
                columns: new[] { "site_id", "quantity_milli" });

            migrationBuilder.CreateIndex(
                name: "ix_order_decisions_order_id_id",
                table: "order_decisions",
                columns: new[] { "order_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_order_lines_item_id_backordered_milli",
                table: "order_lines",
                columns: new[] { "item_id", "backordered_milli" });

            migrationBuilder.CreateIndex(
                name: "ix_order_lines_order_id_line_number",
                table: "order_lines",
                columns: new[] { "order_id", "line_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_channel_external_ref",
                table: "orders",
                columns: new[] { "channel", "external_ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_customer_id_id",
                table: "orders",
                columns: new[] { "customer_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_home_site_id",
                table: "orders",
                column: "home_site_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_number",
                table: "orders",
                column: "number");

            migrationBuilder.CreateIndex(
                name: "ix_orders_status_id",
                table: "orders",
                columns: new[] { "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_policy_values_key_scope_scope_value_version",
                table: "policy_values",
                columns: new[] { "key", "scope", "scope_value", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "line_allocations");

            migrationBuilder.DropTable(
                name: "order_decisions");

            migrationBuilder.DropTable(
                name: "policy_values");

            migrationBuilder.DropTable(
                name: "order_lines");

            migrationBuilder.DropTable(
                name: "orders");

            migrationBuilder.DropColumn(
                name: "substitutes",
                table: "items");
        }
    }
}
