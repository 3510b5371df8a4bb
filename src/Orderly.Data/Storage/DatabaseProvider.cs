namespace Orderly.Data.Storage;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
