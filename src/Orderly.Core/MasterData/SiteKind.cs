namespace Orderly.Core.MasterData;

/// <summary>A national distribution centre (<c>dc</c>) or a branch warehouse (<c>branch</c>).</summary>
public enum SiteKind
{
    Dc,
    Branch,
}
