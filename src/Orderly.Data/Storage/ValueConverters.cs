using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Orderly.Core.Definitions;
using Orderly.Core.Inventory;
using Orderly.Core.Security;

namespace Orderly.Data.Storage;

/// <summary>GTINs are stored right-justified in 14 digits, as GS1 prescribes, so one GTIN has one stored form.</summary>
public sealed class GtinConverter() : ValueConverter<Gtin, string>(g => g.Gtin14, text => Gtin.Parse(text));

public sealed class GlnConverter() : ValueConverter<Gln, string>(g => g.Value, text => Gln.Parse(text));

public sealed class SiteScopeConverter() : ValueConverter<SiteScope, string>(s => s.ToString(), text => SiteScope.Parse(text));

/// <summary>Small owned lists (unit conversions, ship-to addresses) are kept as a JSON document in one column.</summary>
public sealed class JsonListConverter<T>() : ValueConverter<IReadOnlyList<T>, string>(
    list => JsonSerializer.Serialize(list, StoredJson<IReadOnlyList<T>>.Info),
    json => JsonSerializer.Deserialize(json, StoredJson<List<T>>.Info) ?? new List<T>());

/// <summary>A small value object (an order's ship-to address) kept as a JSON document in one column.</summary>
public sealed class JsonValueConverter<T>() : ValueConverter<T, string>(
    value => JsonSerializer.Serialize(value, StoredJson<T>.Info),
    json => JsonSerializer.Deserialize(json, StoredJson<T>.Info)!);

public sealed class JsonListComparer<T>() : ValueComparer<IReadOnlyList<T>>(
    (a, b) => a != null && b != null && a.SequenceEqual(b),
    list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
    list => list.ToList());
