using Orderly.Core.Definitions;
using Orderly.Core.Inventory;
using Orderly.Core.Warehouse;

namespace Orderly.Core.Tests.Warehouse;

public class WarehouseTests
{
    private static readonly DateTimeOffset ShippedAt = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private static PickTask NewTask(decimal quantity = 5) =>
        new(waveId: 1, siteId: 1, orderId: 1, allocationId: 1, locationId: 10, itemId: 100, sequence: 1, Quantity.Of(quantity));

    private static Shipment NewShipment() => new(1, 1, "UPS", "Ground", "1Z999", ShippedAt);

    [Theory]
    [InlineData(5)]
    [InlineData(3)]
    [InlineData(0)]
    public void Refusal_OpenTaskUpToAskedQuantity_IsNone(decimal picked) =>
        Assert.Null(NewTask().Refusal(Quantity.Of(picked)));

    [Fact]
    public void Confirm_AsAsked_IsPicked()
    {
        var task = NewTask();

        task.Confirm(Quantity.Of(5), "picker1", ShippedAt);

        Assert.Equal(PickTaskStatus.Picked, task.Status);
        Assert.Equal((5m, 0m), (task.Picked.Value, task.Short.Value));
        Assert.Equal(("picker1", ShippedAt), (task.ConfirmedBy, task.ConfirmedAt));
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(0, 5)]
    [InlineData(4.999, 0.001)]
    public void Confirm_LessThanAsked_IsShort(decimal picked, decimal missing)
    {
        var task = NewTask();

        task.Confirm(Quantity.Of(picked), "picker1", ShippedAt);

        Assert.Equal(PickTaskStatus.Short, task.Status);
        Assert.Equal((picked, missing), (task.Picked.Value, task.Short.Value));
    }

    [Fact]
    public void Confirm_MoreThanAsked_IsRefusedAndTaskStaysOpen()
    {
        var task = NewTask();

        var refusal = task.Refusal(Quantity.Of(5.001m));
        var thrown = Assert.Throws<InvalidOperationException>(() => task.Confirm(Quantity.Of(5.001m), "picker1", ShippedAt));

        Assert.Equal("Task 0 asks for 5; 5.001 is more than that. Pick what was asked and put the rest back.", refusal);
        Assert.Equal(refusal, thrown.Message);
        Assert.Equal(PickTaskStatus.Open, task.Status);
        Assert.Null(task.ConfirmedAt);
        Assert.Equal(0, task.PickedMilli);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(2)]
    public void Confirm_Twice_IsRefusedAndKeepsTheFirstConfirmation(decimal again)
    {
        var task = NewTask();
        task.Confirm(Quantity.Of(3), "picker1", ShippedAt);

        var refusal = task.Refusal(Quantity.Of(again));
        Assert.Throws<InvalidOperationException>(() => task.Confirm(Quantity.Of(again), "picker2", ShippedAt.AddMinutes(5)));

        Assert.Equal("Task 0 was already confirmed (short, 3 picked).", refusal);
        Assert.Equal((PickTaskStatus.Short, 3m, "picker1", ShippedAt), (task.Status, task.Picked.Value, task.ConfirmedBy, task.ConfirmedAt));
    }

    [Fact]
    public void Shipment_New_IsShippedAsOfShippedAt()
    {
        var shipment = NewShipment();

        Assert.Equal((ShipmentStatus.Shipped, ShippedAt), (shipment.Status, shipment.LastEventAt));
        Assert.Null(shipment.DeliveredAt);
    }

    [Fact]
    public void Apply_EventsInOrder_StatusFollowsThem()
    {
        var shipment = NewShipment();

        Assert.True(shipment.Apply(ShipmentStatus.PickedUp, ShippedAt.AddHours(1)));
        Assert.True(shipment.Apply(ShipmentStatus.InTransit, ShippedAt.AddHours(5)));

        Assert.Equal((ShipmentStatus.InTransit, ShippedAt.AddHours(5)), (shipment.Status, shipment.LastEventAt));
    }

    [Fact]
    public void Apply_OlderEventAfterNewer_IsIgnored()
    {
        var shipment = NewShipment();
        shipment.Apply(ShipmentStatus.InTransit, ShippedAt.AddHours(5));

        Assert.False(shipment.Apply(ShipmentStatus.PickedUp, ShippedAt.AddHours(1)));

        Assert.Equal((ShipmentStatus.InTransit, ShippedAt.AddHours(5)), (shipment.Status, shipment.LastEventAt));
    }

    [Fact]
    public void Apply_EventBeforeShipping_IsIgnored()
    {
        var shipment = NewShipment();

        Assert.False(shipment.Apply(ShipmentStatus.Exception, ShippedAt.AddMinutes(-1)));

        Assert.Equal(ShipmentStatus.Shipped, shipment.Status);
    }

    [Fact]
    public void Apply_ExceptionThenLaterProgress_FollowsTheLatestEvent()
    {
        var shipment = NewShipment();
        shipment.Apply(ShipmentStatus.InTransit, ShippedAt.AddHours(2));

        Assert.True(shipment.Apply(ShipmentStatus.Exception, ShippedAt.AddHours(3)));
        Assert.Equal(ShipmentStatus.Exception, shipment.Status);
        Assert.True(shipment.Apply(ShipmentStatus.InTransit, ShippedAt.AddHours(8)));
        Assert.Equal(ShipmentStatus.InTransit, shipment.Status);
    }

    [Fact]
    public void Apply_AfterDelivered_IsIgnoredEvenWhenNewer()
    {
        var shipment = NewShipment();
        var deliveredAt = ShippedAt.AddDays(2);
        shipment.Apply(ShipmentStatus.Delivered, deliveredAt);

        Assert.False(shipment.Apply(ShipmentStatus.Exception, deliveredAt.AddHours(1)));
        Assert.False(shipment.Apply(ShipmentStatus.Delivered, deliveredAt.AddHours(2)));

        Assert.Equal((ShipmentStatus.Delivered, deliveredAt, deliveredAt), (shipment.Status, shipment.DeliveredAt, shipment.LastEventAt));
    }

    [Fact]
    public void Apply_DeliveredArrivingLate_IsStillTakenAndFinal()
    {
        var shipment = NewShipment();
        shipment.Apply(ShipmentStatus.Exception, ShippedAt.AddDays(3));
        var deliveredAt = ShippedAt.AddDays(2);

        Assert.True(shipment.Apply(ShipmentStatus.Delivered, deliveredAt));

        Assert.Equal((ShipmentStatus.Delivered, deliveredAt), (shipment.Status, shipment.DeliveredAt));
        Assert.Equal(ShippedAt.AddDays(3), shipment.LastEventAt);
    }

    [Fact]
    public void Container_ShipTwice_Throws()
    {
        var container = new Container(1, 1, [new ContainerLine(1, 100, 5_000)], ShippedAt);

        container.Ship(shipmentId: 7);

        Assert.Equal((ContainerStatus.Shipped, 7L), (container.Status, container.ShipmentId));
        Assert.Throws<InvalidOperationException>(() => container.Ship(shipmentId: 8));
        Assert.Equal(7L, container.ShipmentId);
    }

    [Fact]
    public void Container_AssignSscc_UsesItsIdAsTheSerialReference()
    {
        var container = new Container(1, 1, [new ContainerLine(1, 100, 5_000)], ShippedAt);
        Assert.StartsWith("T", container.Sscc, StringComparison.Ordinal);

        var sscc = container.AssignSscc("0614141");

        Assert.Equal(Sscc.Create(0, "0614141", container.Id), sscc);
        Assert.Equal(sscc.Value, container.Sscc);
    }
}
