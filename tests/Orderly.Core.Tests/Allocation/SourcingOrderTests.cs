using Orderly.Core.Allocation;
using Orderly.Core.Policies;

namespace Orderly.Core.Tests.Allocation;

public class SourcingOrderTests
{
    private static readonly SourcingSite Home = new(1, "BOS", IsDc: false, "East");
    private static readonly SourcingSite EastDc = new(2, "EDC", IsDc: true, "East");
    private static readonly SourcingSite EastStoreZ = new(3, "ZNY", IsDc: false, "East");
    private static readonly SourcingSite EastStoreA = new(4, "ALB", IsDc: false, "East");
    private static readonly SourcingSite WestStore = new(5, "AAA", IsDc: false, "West");
    private static readonly SourcingSite WestDc = new(6, "WDC", IsDc: true, "West");
    private static readonly SourcingSite NorthDc = new(7, "NDC", IsDc: true, "North");

    // Deliberately not in the expected order, so ordering is the method's doing.
    private static readonly SourcingSite[] All = [WestStore, EastStoreZ, WestDc, Home, NorthDc, EastStoreA, EastDc];

    private static long[] Ids(IEnumerable<SourcingSite> sites) => [.. sites.Select(s => s.Id)];

    [Fact]
    public void For_HomeSiteOnly_IsJustTheHomeSite() =>
        Assert.Equal([Home.Id], Ids(SourcingOrder.For(PolicyKeys.HomeSiteOnly, Home, All)));

    [Fact]
    public void For_HomeThenRegionDc_IsHomeThenTheDcsOfItsRegionOnly() =>
        Assert.Equal([Home.Id, EastDc.Id], Ids(SourcingOrder.For(PolicyKeys.HomeThenRegionDc, Home, All)));

    [Fact]
    public void For_AnySite_HomeThenRegionDcThenRegionSitesByCodeThenOtherRegionsDcsFirst() =>
        Assert.Equal(
            [Home.Id, EastDc.Id, EastStoreA.Id, EastStoreZ.Id, NorthDc.Id, WestDc.Id, WestStore.Id],
            Ids(SourcingOrder.For(PolicyKeys.AnySite, Home, All)));

    [Fact]
    public void For_AnySite_ListsEverySiteExactlyOnce()
    {
        var ids = Ids(SourcingOrder.For(PolicyKeys.AnySite, Home, All));

        Assert.Equal(All.Length, ids.Length);
        Assert.Equal(Ids(All).Order(), ids.Order());
    }

    [Fact]
    public void For_HomeIsTheRegionDc_DoesNotListItTwice()
    {
        var secondEastDc = new SourcingSite(8, "EDC2", IsDc: true, "East");

        var ids = Ids(SourcingOrder.For(PolicyKeys.HomeThenRegionDc, EastDc, [.. All, secondEastDc]));

        Assert.Equal([EastDc.Id, secondEastDc.Id], ids);
    }

    [Fact]
    public void For_RegionWithoutDc_HomeThenRegionDcIsHomeOnly()
    {
        var lonely = new SourcingSite(9, "SOUTH1", IsDc: false, "South");

        Assert.Equal([lonely.Id], Ids(SourcingOrder.For(PolicyKeys.HomeThenRegionDc, lonely, [.. All, lonely])));
    }

    [Fact]
    public void For_EveryAllowedValueOfTheRegister_IsUnderstood()
    {
        foreach (var value in PolicyRegister.Get(PolicyKeys.AllocationSourcing).AllowedValues.Keys)
            Assert.Equal(Home.Id, SourcingOrder.For(value, Home, All)[0].Id);
    }

    [Fact]
    public void For_UnknownValue_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SourcingOrder.For("nearest-site", Home, All));
}
