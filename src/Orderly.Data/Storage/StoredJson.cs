using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Orderly.Core.MasterData;
using Orderly.Core.Warehouse;

namespace Orderly.Data.Storage;

/// <summary>
/// The JSON forms of the small documents kept in one column (unit conversions, ship-to addresses,
/// substitutes, container lines), generated at compile time. Reflection-based serialization cost
/// about 5 µs per customer row in an import and tens of milliseconds of warm-up in every fresh
/// process; generated code costs neither. The options are the web defaults the columns were
/// always written with (camelCase names), so stored documents read and write exactly as before.
/// A type stored this way must be listed here: <see cref="For{T}"/> refuses any other.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<UnitConversion>))]
[JsonSerializable(typeof(List<UnitConversion>))]
[JsonSerializable(typeof(IReadOnlyList<ShipToAddress>))]
[JsonSerializable(typeof(List<ShipToAddress>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(IReadOnlyCollection<string>))]
[JsonSerializable(typeof(IReadOnlyList<ContainerLine>))]
[JsonSerializable(typeof(List<ContainerLine>))]
[JsonSerializable(typeof(ShipToAddress))]
internal sealed partial class StoredJsonContext : JsonSerializerContext;

/// <summary>The generated metadata of one stored type.</summary>
public static class StoredJson
{
    public static JsonTypeInfo<T> For<T>() =>
        StoredJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T)} is not among the stored JSON types; add it to {nameof(StoredJsonContext)}.");
}

/// <summary>
/// The generated metadata of <typeparamref name="T"/>, looked up once. Public because EF's compiled
/// model re-emits the converters' lambdas as code, which can read only accessible members.
/// </summary>
public static class StoredJson<T>
{
    public static readonly JsonTypeInfo<T> Info = StoredJson.For<T>();
}
