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
public sealed class CompiledQuery<TQuery> where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];
    // Made once: a lambda written in For would be a new delegate on every call, and For runs for every order.
    private readonly ConditionalWeakTable<IModel, TQuery>.CreateValueCallback _compile;

    public CompiledQuery(Func<TQuery> compile) => _compile = _ => compile();

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _compile);
}
