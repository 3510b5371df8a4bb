using Orderly.Core.Definitions;

namespace Orderly.Core.Tests.Definitions;

public class InventoryStatusesTests
{
    [Fact]
    public void EveryStatus_HasOneDefinition_InEnumOrder()
    {
        var statuses = Enum.GetValues<InventoryStatus>();
        Assert.Equal(statuses.Length, InventoryStatuses.All.Count);
        foreach (var status in statuses)
        {
            var definition = InventoryStatuses.Of(status);
            Assert.Equal(status, definition.Status);
            Assert.False(string.IsNullOrWhiteSpace(definition.Definition));
        }
    }

    [Theory]
    [InlineData(InventoryStatus.Available, "sellable_accessible")]
    [InlineData(InventoryStatus.Picked, "in_progress")]
    [InlineData(InventoryStatus.Packed, "container_closed")]
    [InlineData(InventoryStatus.Shipped, "in_transit")]
    [InlineData(InventoryStatus.Quarantine, "non_sellable_other")]
    [InlineData(InventoryStatus.Damaged, "damaged")]
    [InlineData(InventoryStatus.Returned, "returned")]
    [InlineData(InventoryStatus.Expired, "expired")]
    [InlineData(InventoryStatus.Recalled, "recalled")]
    public void CbvDisposition_MatchesGs1Meaning(InventoryStatus status, string disposition) =>
        Assert.Equal(disposition, InventoryStatuses.Of(status).CbvDisposition);

    [Fact]
    public void Allocated_HasNoCbvDisposition_BecauseCbvReservedMeansSomethingElse() =>
        Assert.Null(InventoryStatuses.Of(InventoryStatus.Allocated).CbvDisposition);

    [Fact]
    public void OnlyAvailable_IsSellable() =>
        Assert.Equal([InventoryStatus.Available], InventoryStatuses.All.Where(d => d.Sellable).Select(d => d.Status));

    [Fact]
    public void TryParse_UnknownCode_ListsTheVocabulary()
    {
        Assert.False(InventoryStatuses.TryParse("reserved", out _, out var error));
        Assert.Contains("available, allocated", error, StringComparison.Ordinal);
        Assert.True(InventoryStatuses.TryParse("Quarantine", out var status, out _));
        Assert.Equal(InventoryStatus.Quarantine, status);
    }
}
