namespace Orderly.Core.MasterData;

/// <summary>What a location inside a site is used for.</summary>
public enum LocationKind
{
    /// <summary>A storage bin stock is picked from.</summary>
    Bin,
    /// <summary>An area grouping bins (bulk, mezzanine, cage).</summary>
    Zone,
    /// <summary>A lane where picked and packed goods wait for loading.</summary>
    Staging,
    /// <summary>A dock door where goods are received or loaded.</summary>
    Dock,
}
