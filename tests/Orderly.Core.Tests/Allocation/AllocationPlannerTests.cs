using FsCheck;
using FsCheck.Fluent;
using Orderly.Core.Allocation;
using Orderly.Core.Inventory;

namespace Orderly.Core.Tests.Allocation;

public class AllocationPlannerTests
{
    private const long Widget = 100;
    private const long Gadget = 200;
    private const long WidgetSubstitute = 900;
    private const long SecondSubstitute = 901;

    private static StockOnOffer Offer(long site, long location, long item, decimal quantity, int pickSequence = 1) =>
        new(site, location, item, pickSequence, Quantity.Of(quantity));

    private static AllocationNeed Need(int line, long item, decimal quantity, params long[] substitutes) =>
        new(line, item, Quantity.Of(quantity), substitutes);

    private static SourcingSite Site(long id) => new(id, $"S{id}", IsDc: false, "East");

    private static SourcingSite[] Sites(params long[] ids) => [.. ids.Select(Site)];

    private static (int Line, long Site, long Location, long Item, decimal Quantity)[] Shape(IEnumerable<PlannedTake> takes) =>
        [.. takes.Select(t => (t.LineNumber, t.SiteId, t.LocationId, t.ItemId, t.Quantity.Value))];

    private static IReadOnlyList<PlannedTake> Plan(IEnumerable<StockOnOffer> offer, IReadOnlyList<AllocationNeed> needs, SourcingSite[] sites,
        bool allowSubstitutes = false, bool preferSingleSite = false) =>
        new AllocationPlanner(offer).Plan(needs, sites, allowSubstitutes, preferSingleSite);

    [Fact]
    public void Plan_EnoughOnOffer_TakesExactlyTheNeed()
    {
        var takes = Plan([Offer(1, 10, Widget, 20)], [Need(1, Widget, 7.5m)], Sites(1));

        Assert.Equal([(1, 1L, 10L, Widget, 7.5m)], Shape(takes));
    }

    [Fact]
    public void Plan_SeveralLinesOfOneItem_NeverTakeMoreThanIsOnOffer()
    {
        var takes = Plan([Offer(1, 10, Widget, 7)], [Need(1, Widget, 5), Need(2, Widget, 5), Need(3, Widget, 5)], Sites(1));

        Assert.Equal([(1, 1L, 10L, Widget, 5m), (2, 1L, 10L, Widget, 2m)], Shape(takes));
    }

    [Fact]
    public void Plan_NothingOnOffer_PlansNothing()
    {
        var takes = Plan([Offer(1, 10, Gadget, 5), Offer(1, 11, Widget, 0)], [Need(1, Widget, 5)], Sites(1));

        Assert.Empty(takes);
    }

    [Fact]
    public void Plan_SeveralBuckets_TakesThemInPickSequenceOrder()
    {
        StockOnOffer[] offer = [Offer(1, 10, Widget, 4, pickSequence: 30), Offer(1, 20, Widget, 4, pickSequence: 10), Offer(1, 30, Widget, 4, pickSequence: 20)];

        var takes = Plan(offer, [Need(1, Widget, 10)], Sites(1));

        Assert.Equal([(1, 1L, 20L, Widget, 4m), (1, 1L, 30L, Widget, 4m), (1, 1L, 10L, Widget, 2m)], Shape(takes));
    }

    [Fact]
    public void Plan_EqualPickSequence_TakesLowerLocationFirst()
    {
        var takes = Plan([Offer(1, 50, Widget, 4, pickSequence: 5), Offer(1, 40, Widget, 4, pickSequence: 5)], [Need(1, Widget, 5)], Sites(1));

        Assert.Equal([(1, 1L, 40L, Widget, 4m), (1, 1L, 50L, Widget, 1m)], Shape(takes));
    }

    [Fact]
    public void Plan_SeveralSites_FollowsTheSourcingOrder()
    {
        StockOnOffer[] offer = [Offer(1, 10, Widget, 6), Offer(2, 20, Widget, 6)];

        var takes = Plan(offer, [Need(1, Widget, 8)], Sites(2, 1));

        Assert.Equal([(1, 2L, 20L, Widget, 6m), (1, 1L, 10L, Widget, 2m)], Shape(takes));
    }

    [Fact]
    public void Plan_SiteOutsideTheSourcingOrder_IsNeverUsed()
    {
        var takes = Plan([Offer(1, 10, Widget, 2), Offer(3, 30, Widget, 50)], [Need(1, Widget, 8)], Sites(1, 2));

        Assert.Equal([(1, 1L, 10L, Widget, 2m)], Shape(takes));
    }

    [Fact]
    public void Plan_SubstitutesNotAllowed_LeavesTheShortfall()
    {
        var takes = Plan([Offer(1, 10, Widget, 2), Offer(1, 11, WidgetSubstitute, 50)], [Need(1, Widget, 5, WidgetSubstitute)], Sites(1));

        Assert.Equal([(1, 1L, 10L, Widget, 2m)], Shape(takes));
    }

    [Fact]
    public void Plan_SubstitutesAllowed_FillOnlyWhatTheOrderedItemCannotAtAnySite()
    {
        StockOnOffer[] offer = [Offer(1, 10, Widget, 2), Offer(1, 11, WidgetSubstitute, 50), Offer(2, 20, Widget, 2)];

        var takes = Plan(offer, [Need(1, Widget, 5, WidgetSubstitute)], Sites(1, 2), allowSubstitutes: true);

        Assert.Equal([(1, 1L, 10L, Widget, 2m), (1, 2L, 20L, Widget, 2m), (1, 1L, 11L, WidgetSubstitute, 1m)], Shape(takes));
    }

    [Fact]
    public void Plan_SubstitutesAllowed_OrderedItemSufficient_TakesNoSubstitute()
    {
        var takes = Plan([Offer(1, 11, WidgetSubstitute, 50), Offer(1, 10, Widget, 5)], [Need(1, Widget, 5, WidgetSubstitute)], Sites(1), allowSubstitutes: true);

        Assert.Equal([(1, 1L, 10L, Widget, 5m)], Shape(takes));
    }

    [Fact]
    public void Plan_SeveralSubstitutes_TriesThemInOrderOfPreference()
    {
        StockOnOffer[] offer = [Offer(1, 12, SecondSubstitute, 10), Offer(1, 11, WidgetSubstitute, 1)];

        var takes = Plan(offer, [Need(1, Widget, 3, WidgetSubstitute, SecondSubstitute)], Sites(1), allowSubstitutes: true);

        Assert.Equal([(1, 1L, 11L, WidgetSubstitute, 1m), (1, 1L, 12L, SecondSubstitute, 2m)], Shape(takes));
    }

    [Fact]
    public void Plan_PreferSingleSite_TakesEverythingFromTheFirstSiteThatCanFillEveryLine()
    {
        StockOnOffer[] offer = [Offer(1, 10, Widget, 5), Offer(2, 20, Widget, 5), Offer(2, 21, Gadget, 5)];
        AllocationNeed[] needs = [Need(1, Widget, 3), Need(2, Gadget, 3)];

        var takes = Plan(offer, needs, Sites(1, 2), preferSingleSite: true);

        Assert.Equal([(1, 2L, 20L, Widget, 3m), (2, 2L, 21L, Gadget, 3m)], Shape(takes));
    }

    [Fact]
    public void Plan_PreferSingleSite_SeveralSitesCanFill_TakesTheFirstInSourcingOrder()
    {
        StockOnOffer[] offer = [Offer(1, 10, Widget, 5), Offer(2, 20, Widget, 5), Offer(3, 30, Widget, 5)];

        var takes = Plan(offer, [Need(1, Widget, 4)], Sites(3, 1, 2), preferSingleSite: true);

        Assert.Equal([(1, 3L, 30L, Widget, 4m)], Shape(takes));
    }

    [Fact]
    public void Plan_PreferSingleSite_CountsEveryLineOfTheSameItemTogether()
    {
        StockOnOffer[] offer = [Offer(1, 10, Widget, 6), Offer(2, 20, Widget, 8)];

        var takes = Plan(offer, [Need(1, Widget, 4), Need(2, Widget, 4)], Sites(1, 2), preferSingleSite: true);

        Assert.Equal([(1, 2L, 20L, Widget, 4m), (2, 2L, 20L, Widget, 4m)], Shape(takes));
    }

    [Fact]
    public void Plan_PreferSingleSite_NoSiteCanFillEveryLine_FallsBackToSourcingOrder()
    {
        StockOnOffer[] offer = [Offer(1, 10, Widget, 5), Offer(2, 20, Gadget, 5), Offer(2, 21, Widget, 5)];
        AllocationNeed[] needs = [Need(1, Widget, 5), Need(2, Gadget, 6)];

        var takes = Plan(offer, needs, Sites(1, 2), preferSingleSite: true);

        Assert.Equal([(1, 1L, 10L, Widget, 5m), (2, 2L, 20L, Gadget, 5m)], Shape(takes));
    }

    [Fact]
    public void Plan_WithoutPreferSingleSite_SplitsAcrossSitesInSourcingOrder()
    {
        StockOnOffer[] offer = [Offer(1, 10, Widget, 5), Offer(2, 20, Widget, 5), Offer(2, 21, Gadget, 5)];
        AllocationNeed[] needs = [Need(1, Widget, 3), Need(2, Gadget, 3)];

        var takes = Plan(offer, needs, Sites(1, 2));

        Assert.Equal([(1, 1L, 10L, Widget, 3m), (2, 2L, 21L, Gadget, 3m)], Shape(takes));
    }

    [Fact]
    public void Plan_ItemOrSiteIdOutsideTheOfferedRange_PlansNothingForIt()
    {
        StockOnOffer[] offer = [Offer(5, 10, Widget, 5), Offer(6, 11, Gadget, 5)];

        var takes = Plan(offer, [Need(1, 1, 3), Need(2, 1_000_000_000_000, 3), Need(3, Widget, 3)], Sites(1, 5, 9_000_000_000));

        Assert.Equal([(3, 5L, 10L, Widget, 3m)], Shape(takes));
    }

    [Fact]
    public void Plan_NoStockOnOfferAtAll_PlansNothing()
    {
        Assert.Empty(Plan([], [Need(1, Widget, 3)], Sites(1)));
        Assert.Empty(Plan([Offer(1, 10, Widget, 0), Offer(2, 11, Gadget, 0)], [Need(1, Widget, 3), Need(2, Gadget, 1)], Sites(1, 2)));
    }

    [Fact]
    public void Plan_IdsAtTheEndsOfTheirRange_AreFoundAndKeptApart()
    {
        StockOnOffer[] offer = [Offer(long.MinValue, 10, long.MaxValue, 5), Offer(-1, 11, long.MinValue, 5), Offer(long.MaxValue, 12, -7, 5)];

        var takes = Plan(offer, [Need(1, long.MaxValue, 2), Need(2, long.MinValue, 3), Need(3, -7, 4), Need(4, 0, 1)],
            Sites(long.MaxValue, -1, long.MinValue));

        Assert.Equal([(1, long.MinValue, 10L, long.MaxValue, 2m), (2, -1L, 11L, long.MinValue, 3m), (3, long.MaxValue, 12L, -7L, 4m)], Shape(takes));
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(5000)]
    public void Plan_TwoItemsThisFarApart_AreEachFound(long apart)
    {
        var far = Widget + apart - 1;
        StockOnOffer[] offer = [Offer(1, 10, Widget, 5), Offer(1, 11, far, 5)];

        var takes = Plan(offer, [Need(1, far, 2), Need(2, Widget, 1), Need(3, far + 1, 1), Need(4, Widget - 1, 1)], Sites(1));

        Assert.Equal([(1, 1L, 11L, far, 2m), (2, 1L, 10L, Widget, 1m)], Shape(takes));
    }

    /// <summary>A small world: 3 sites x 3 locations x 4 items (items 3 and 4 substitute for 1 and 2).</summary>
    public sealed record Scenario(StockOnOffer[] Offer, AllocationNeed[] Needs, SourcingSite[] Sites, bool AllowSubstitutes, bool PreferSingleSite);

    private static Gen<Scenario> ScenarioGen =>
        from offer in Gen.ListOf(
            from site in Gen.Choose(1, 3)
            from location in Gen.Choose(1, 3)
            from item in Gen.Choose(1, 4)
            from sequence in Gen.Choose(0, 5)
            from milli in Gen.Frequency((3, Gen.Choose(1, 20_000)), (1, Gen.Constant(0)))
            select new StockOnOffer(site, location, item, sequence, Quantity.FromMilli(milli)))
        from needCount in Gen.Choose(0, 5)
        from needs in Gen.ListOf(
            from item in Gen.Choose(1, 4)
            from milli in Gen.Choose(1, 30_000)
            from substitutes in Gen.SubListOf(new long[] { 3, 4 })
            select (Item: (long)item, Milli: (long)milli, Substitutes: substitutes.Where(s => s != item).ToArray()), needCount)
        from siteIds in Gen.Shuffle(new long[] { 1, 2, 3 })
        from siteCount in Gen.Choose(1, 3)
        from allowSubstitutes in Gen.Elements(true, false)
        from preferSingleSite in Gen.Elements(true, false)
        select new Scenario(
            [.. offer],
            [.. needs.Select((n, i) => new AllocationNeed(i + 1, n.Item, Quantity.FromMilli(n.Milli), n.Substitutes))],
            [.. siteIds.Take(siteCount).Select(Site)],
            allowSubstitutes,
            preferSingleSite);

    [FsCheck.Xunit.Property(MaxTest = 300, Replay = "20260301,7")]
    public Property Plan_NeverTakesMoreThanOfferedPerBucketOrNeededPerLine() =>
        Prop.ForAll(Arb.From(ScenarioGen), scenario =>
        {
            var takes = Plan(scenario.Offer, scenario.Needs, scenario.Sites, scenario.AllowSubstitutes, scenario.PreferSingleSite);

            var offered = scenario.Offer.GroupBy(o => (o.SiteId, o.LocationId, o.ItemId)).ToDictionary(g => g.Key, g => g.Sum(o => o.Quantity.Milli));
            foreach (var bucket in takes.GroupBy(t => (t.SiteId, t.LocationId, t.ItemId)))
                Assert.True(bucket.Sum(t => t.Quantity.Milli) <= offered.GetValueOrDefault(bucket.Key), $"bucket {bucket.Key} over-planned");

            var needs = scenario.Needs.ToDictionary(n => n.LineNumber);
            var siteIds = scenario.Sites.Select(s => s.Id).ToHashSet();
            foreach (var take in takes)
            {
                var need = needs[take.LineNumber];
                Assert.False(take.Quantity.IsZero);
                Assert.Contains(take.SiteId, siteIds);
                Assert.True(take.ItemId == need.ItemId || (scenario.AllowSubstitutes && need.Substitutes.Contains(take.ItemId)),
                    $"line {take.LineNumber} took item {take.ItemId}");
            }
            foreach (var line in takes.GroupBy(t => t.LineNumber))
                Assert.True(line.Sum(t => t.Quantity.Milli) <= needs[line.Key].Quantity.Milli, $"line {line.Key} over-planned");
        });

    /// <summary>Without substitutes the planner is greedy: per item it plans all it can, up to what the lines need.</summary>
    [FsCheck.Xunit.Property(MaxTest = 300, Replay = "20260301,11")]
    public Property Plan_WithoutSubstitutes_PlansAsMuchOfEachItemAsTheListedSitesOffer() =>
        Prop.ForAll(Arb.From(ScenarioGen), scenario =>
        {
            var takes = Plan(scenario.Offer, scenario.Needs, scenario.Sites, allowSubstitutes: false, scenario.PreferSingleSite);

            var siteIds = scenario.Sites.Select(s => s.Id).ToHashSet();
            foreach (var item in scenario.Needs.Select(n => n.ItemId).Distinct())
            {
                var needed = scenario.Needs.Where(n => n.ItemId == item).Sum(n => n.Quantity.Milli);
                var offered = scenario.Offer.Where(o => o.ItemId == item && siteIds.Contains(o.SiteId)).Sum(o => o.Quantity.Milli);
                Assert.Equal(Math.Min(needed, offered), takes.Where(t => t.ItemId == item).Sum(t => t.Quantity.Milli));
            }
        });

    /// <summary>
    /// The planner numbers ids with an array when they lie close together and with a hash table when
    /// they are spread thinly: spreading a scenario's ids far apart must not change its plan.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 200, Replay = "20261126,5")]
    public Property Plan_IdsSpreadFarApart_PlanTheSame() =>
        Prop.ForAll(Arb.From(ScenarioGen), scenario =>
        {
            const long SiteSpread = 1_000_000_000_007, ItemSpread = 10_000_000_000_037;
            var spreadOffer = scenario.Offer.Select(o => o with { SiteId = o.SiteId * SiteSpread, ItemId = o.ItemId * ItemSpread }).ToArray();
            var spreadNeeds = scenario.Needs.Select(n => n with { ItemId = n.ItemId * ItemSpread, Substitutes = [.. n.Substitutes.Select(s => s * ItemSpread)] }).ToArray();
            var spreadSites = scenario.Sites.Select(s => s with { Id = s.Id * SiteSpread }).ToArray();

            var close = Plan(scenario.Offer, scenario.Needs, scenario.Sites, scenario.AllowSubstitutes, scenario.PreferSingleSite);
            var spread = Plan(spreadOffer, spreadNeeds, spreadSites, scenario.AllowSubstitutes, scenario.PreferSingleSite);

            Assert.Equal(Shape(close), Shape(spread.Select(t => t with { SiteId = t.SiteId / SiteSpread, ItemId = t.ItemId / ItemSpread })));
        });
}
