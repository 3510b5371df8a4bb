using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Orderly.Data.Storage;

/// <summary>
/// A query compiled once for each model that runs it. The hot reads of a capture are compiled so
/// that EF does not rebuild the query and look up its plan for every order; but EF binds a compiled
/// query to the first model it meets, and one process may hold several (the tests run SQLite and
/// PostgreSQL side by side). Models are weak keys, so a model let go takes its query with it.
/// </summary>
/// <example><code>
/// private static readonly CompiledQuery&lt;Func&lt;OrderlyDbContext, IAsyncEnumerable&lt;Site&gt;&gt;&gt; Sites =
///     new(() => EF.CompileAsyncQuery&lt;OrderlyDbContext, Site&gt;(db => db.Sites));
/// await Sites.For(db)(db).ToListAsync(cancellationToken);
/// </code></example>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
