using System.Globalization;

namespace Orderly.Core.Inventory;

/// <summary>
/// A non-negative amount of an item in its base unit, with at most three decimal places
/// (metres of cable, kilograms of grease) and at most one billion. Stored as whole thousandths,
/// so sums and comparisons in the database are exact on every provider.
/// </summary>
public readonly record struct Quantity : IComparable<Quantity>
{
    public const int Decimals = 3;
    public const decimal Max = 1_000_000_000m;

    private Quantity(long milli) => Milli = milli;

    /// <summary>The quantity in thousandths of the base unit.</summary>
    public long Milli { get; }

    public decimal Value => Milli / 1000m;

    public static Quantity Zero => default;

    public bool IsZero => Milli == 0;

    public static bool TryCreate(decimal value, out Quantity quantity, out string error)
    {
        quantity = default;
        error = "";
        if (value < 0)
        {
            error = "A quantity cannot be negative.";
            return false;
        }
        if (value > Max)
        {
            error = $"A quantity is at most {Max.ToString("N0", CultureInfo.InvariantCulture)}.";
            return false;
        }
        if (decimal.Round(value, Decimals) != value)
        {
            error = $"A quantity has at most {Decimals} decimal places.";
            return false;
        }
        quantity = new Quantity((long)(value * 1000m));
        return true;
    }

    public static Quantity Of(decimal value) =>
        TryCreate(value, out var quantity, out var error) ? quantity : throw new ArgumentOutOfRangeException(nameof(value), error);

    public static Quantity FromMilli(long milli) =>
        milli >= 0 ? new Quantity(milli) : throw new ArgumentOutOfRangeException(nameof(milli), "A quantity cannot be negative.");

    public static Quantity operator +(Quantity a, Quantity b) => new(checked(a.Milli + b.Milli));

    /// <summary>Subtracts; throws when the result would be negative, which callers check first with a comparison.</summary>
    public static Quantity operator -(Quantity a, Quantity b) => FromMilli(a.Milli - b.Milli);

    public static bool operator <(Quantity a, Quantity b) => a.Milli < b.Milli;
    public static bool operator >(Quantity a, Quantity b) => a.Milli > b.Milli;
    public static bool operator <=(Quantity a, Quantity b) => a.Milli <= b.Milli;
    public static bool operator >=(Quantity a, Quantity b) => a.Milli >= b.Milli;

    public static Quantity Min(Quantity a, Quantity b) => a <= b ? a : b;

    public int CompareTo(Quantity other) => Milli.CompareTo(other.Milli);

    public bool IsWhole => Milli % 1000 == 0;

    public override string ToString() => Value.ToString("0.###", CultureInfo.InvariantCulture);
}
