using System.Text.Json;
using System.Text.Json.Serialization;
using Orderly.Application.Access;
using Orderly.Application.Audit;
using Orderly.Data.Import;

namespace Orderly.Application.Import;

/// <summary>What a master-data import did: the rows it read, and the records it created and updated.</summary>
public sealed record MasterDataOutcome(int Rows, int Created, int Updated)
{
    /// <summary>What an import of <paramref name="rows"/> rows did, audited once for the whole file in the import's transaction.</summary>
    public static async Task<MasterDataOutcome> AuditedAsync(IImportStore store, AuditTrail audit, Actor actor, string entity, string file, int rows, int created,
        CancellationToken cancellationToken)
    {
        var outcome = new MasterDataOutcome(rows, created, rows - created);
        await store.WriteAuditAsync(audit.Entry(actor, "imported", entity, ImportNames.AuditKey(file),
            new MasterDataImported(file, outcome.Rows, outcome.Created, outcome.Updated), ImportAuditJson.Default.MasterDataImported,
            $"{entity} import of {file}"), cancellationToken);
        return outcome;
    }
}

/// <summary>What the audit log keeps of a master-data import.</summary>
public sealed record MasterDataImported(string File, int Rows, int Created, int Updated);

/// <summary>The audit payloads of imports, serialized as the audit trail serializes every payload (the web defaults: camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MasterDataImported))]
internal sealed partial class ImportAuditJson : JsonSerializerContext;
