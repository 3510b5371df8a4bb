using System.Globalization;

namespace Orderly.Core.Inventory;

/// <summary>
/// A non-negative amount of an item in its base unit, with at most three decimal places
/// (metres of cable, kilograms of grease) and at most one billion. Stored as whole thousandths,
/// so sums and comparisons in the database are exact on every provider.
/// </summary>
public readonly record struct Quantity : IComparable<Quantity>, ISpanFormattable
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
        // Whole quantities in range, nearly every order line, need no decimal arithmetic.
        if (value >= 0 && value <= Max && decimal.IsInteger(value))
        {
            quantity = new Quantity((long)value * 1000);
            return true;
        }
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

    /// <summary>"12", "0.5", "1.25": the invariant culture, no trailing zeros.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{this}");

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    // Formatted without decimal arithmetic: every decision text the engine writes carries a
    // quantity, and decimal's custom formats cost more than the rest of the text.
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (!(Milli / 1000).TryFormat(destination, out var whole, default, CultureInfo.InvariantCulture)) return false;
        var fraction = (int)(Milli % 1000);
        if (fraction == 0)
        {
            charsWritten = whole;
            return true;
        }
        var digits = fraction % 100 == 0 ? 1 : fraction % 10 == 0 ? 2 : 3;
        if (destination.Length < whole + 1 + digits) return false;
        destination[whole] = '.';
        var scaled = digits switch { 1 => fraction / 100, 2 => fraction / 10, _ => fraction };
        for (var i = digits; i > 0; i--, scaled /= 10)
            destination[whole + i] = (char)('0' + scaled % 10);
        charsWritten = whole + 1 + digits;
        return true;
    }
}
