using Microsoft.EntityFrameworkCore;
using Orderly.Core.Policies;
using Orderly.Data;
using Orderly.Data.Storage;

namespace Orderly.Application.Policies;

/// <summary>Reads the policy values in force and keeps the enterprise standards in the register.</summary>
public sealed class PolicyStore(OrderlyDbContext db, TimeProvider clock)
{
    public const string StandardApprover = "enterprise standard";

    /// <summary>Every value not retired; expiry is judged by the resolver at the moment of each decision.</summary>
    public async Task<IReadOnlyList<PolicyValue>> ValuesAsync(CancellationToken cancellationToken) =>
        await ValuesInForce.For(db)(db).ToListAsync(cancellationToken);

    // Compiled once: every capture reads the values.
    private static readonly CompiledQuery<Func<OrderlyDbContext, IAsyncEnumerable<PolicyValue>>> ValuesInForce = new(() =>
        EF.CompileAsyncQuery((OrderlyDbContext db) => db.PolicyValues.AsNoTracking().Where(v => v.RetiredAt == null)));

    /// <summary>Writes version 1 of each enterprise standard that the register lacks, so every decision names a stored version.</summary>
    public async Task EnsureStandardsAsync(CancellationToken cancellationToken)
    {
        // A plain read first: every process checks at start, and the standards are nearly always all there.
        var present = await StoredValues.DistinctAsync<PolicyValue>(db, nameof(PolicyValue.Key), nameof(PolicyValue.Scope), PolicyScope.Enterprise, cancellationToken);
        var missing = PolicyRegister.Definitions.Where(d => !present.Contains(d.Key)).ToList();
        if (missing.Count == 0) return;
        foreach (var definition in missing)
            db.PolicyValues.Add(new PolicyValue(definition.Key, PolicyScope.Enterprise, "", definition.Standard, 1,
                StandardApprover, "The enterprise standard.", null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
