namespace Orderly.Core.Allocation;

/// <summary>
/// Numbers ids (of sites, of items) 0, 1, 2... in the order they are first added. Ids are database
/// identities, so a network's ids mostly lie close together: then one array indexed by the id's
/// distance from the smallest answers a look-up with one read, where a hash table would hash,
/// probe and compare. Ids spread thinly (an order's five items out of a catalogue of a million)
/// fall back to a dictionary.
/// </summary>
internal sealed class IdPositions
{
    // Dense enough for the array when it is at most this many slots per id, or small anyway.
    private const int SlotsPerId = 4, SmallRange = 1024;

    private readonly long _smallest;
    private readonly int[]? _positionPlusOne;
    private readonly Dictionary<long, int>? _positions;

    /// <param name="smallest">The smallest id that will be added.</param>
    /// <param name="largest">The largest id that will be added.</param>
    /// <param name="most">
    /// At most how many ids will be added: an upper bound such as the number of rows they come from,
    /// so the array never takes more than four ints for each of those rows.
    /// </param>
    public IdPositions(long smallest, long largest, int most)
    {
        // Unchecked on purpose: ids far apart (or none at all, smallest above largest) wrap to a
        // range of zero or less, and take the dictionary.
        var range = unchecked(largest - smallest + 1);
        if (most > 0 && largest >= smallest && range > 0 && range <= Math.Max(SmallRange, (long)SlotsPerId * most))
        {
            _smallest = smallest;
            _positionPlusOne = new int[range];
        }
        else _positions = new Dictionary<long, int>(Math.Min(most, 4096));
    }

    public int Count { get; private set; }

    /// <summary>The id's position, given it now if it has none. The id must lie within the range given at construction.</summary>
    public int Add(long id)
    {
        if (_positionPlusOne is not null)
        {
            ref var slot = ref _positionPlusOne[unchecked(id - _smallest)];
            if (slot == 0) slot = ++Count;
            return slot - 1;
        }
        if (_positions!.TryGetValue(id, out var position)) return position;
        _positions.Add(id, Count);
        return Count++;
    }

    public bool TryGet(long id, out int position)
    {
        if (_positionPlusOne is not null)
        {
            var offset = unchecked((ulong)(id - _smallest));
            position = offset < (ulong)_positionPlusOne.Length ? _positionPlusOne[offset] - 1 : -1;
            return position >= 0;
        }
        return _positions!.TryGetValue(id, out position);
    }
}
