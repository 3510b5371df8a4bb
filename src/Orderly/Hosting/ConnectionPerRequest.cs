using Microsoft.EntityFrameworkCore;
using Orderly.Data;

namespace Orderly.Hosting;

/// <summary>
/// Opens the request's database connection once, for every query the request makes. Left to
/// itself EF Core opens and closes the connection around each query outside a transaction: a
/// capture made about ten such round trips, and each SQLite open re-registers EF's SQL functions
/// while each PostgreSQL one resets the pooled session, about a twentieth of the server's CPU under
/// load. Only requests that reach an endpoint get one (static files do not). On SQLite a write
/// transaction sets it aside while it borrows the server's writer connection, and opens it again
/// afterwards (<see cref="Orderly.Data.Storage.SqliteWriter"/>): once per write, not per query.
/// </summary>
public sealed class ConnectionPerRequest(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, OrderlyDbContext db)
    {
        if (context.GetEndpoint() is null)
        {
            await next(context);
            return;
        }
        await db.Database.OpenConnectionAsync(context.RequestAborted);
        try
        {
            await next(context);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
