namespace Orderly.Data.Inventory;

/// <summary>
/// The ledger's two balance statements, written once: every path that posts stock (the ledger's
/// single and combined postings, and the imports' bulk paths on both databases) builds its SQL from
/// these, each with its own parameter markers (<c>@site</c>, <c>$site</c>, <c>{0}</c>).
/// </summary>
internal static class LedgerSql
{
    public const string BalanceColumns = "site_id, location_id, item_id, status, quantity_milli";

    /// <summary>What adds a row's quantity to its bucket when the bucket already exists.</summary>
    public const string AddToExistingBalance =
        "ON CONFLICT (site_id, location_id, item_id, status) DO UPDATE SET quantity_milli = stock_balances.quantity_milli + excluded.quantity_milli";

    /// <summary>Takes a quantity from a bucket only if it holds that much: it touches one row, or none when the stock is not there.</summary>
    public static string Take(string quantity, string site, string location, string item, string status) =>
        $"UPDATE stock_balances SET quantity_milli = quantity_milli - {quantity} WHERE site_id = {site} AND location_id = {location} AND item_id = {item} AND status = {status} AND quantity_milli >= {quantity}";

    /// <summary>Adds a quantity to a bucket, creating it when it has never held stock.</summary>
    public static string Add(string site, string location, string item, string status, string quantity) =>
        $"INSERT INTO stock_balances ({BalanceColumns}) VALUES ({site}, {location}, {item}, {status}, {quantity}) {AddToExistingBalance}";

    /// <summary>Adds every row of a staging table (with the balance columns) to its bucket, in one statement.</summary>
    public static string AddFrom(string table) =>
        $"INSERT INTO stock_balances ({BalanceColumns}) SELECT {BalanceColumns} FROM {table} {AddToExistingBalance}";
}
