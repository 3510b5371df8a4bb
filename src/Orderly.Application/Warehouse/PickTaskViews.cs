using Microsoft.EntityFrameworkCore;
using Orderly.Core.Warehouse;
using Orderly.Data;

namespace Orderly.Application.Warehouse;

/// <summary>Pick tasks as the API and the picker's page show them: with the site, order, line, bin and item by their codes.</summary>
public static class PickTaskViews
{
    public sealed class TaskView
    {
        public long Id { get; init; }
        public long Wave { get; init; }
        public long SiteId { get; init; }
        public string Site { get; init; } = "";
        public string Order { get; init; } = "";
        public int Line { get; init; }
        public string Location { get; init; } = "";
        public string Sku { get; init; } = "";
        public string Description { get; init; } = "";
        public long QuantityMilli { get; init; }
        public long PickedMilli { get; init; }
        public string BaseUnit { get; init; } = "";
        public PickTaskStatus Status { get; init; }
        public int Sequence { get; init; }
    }

    public static IQueryable<TaskView> Query(OrderlyDbContext db) =>
        from t in db.PickTasks.AsNoTracking()
        join s in db.Sites on t.SiteId equals s.Id
        join o in db.Orders on t.OrderId equals o.Id
        join a in db.LineAllocations on t.AllocationId equals a.Id
        join l in db.OrderLines on a.OrderLineId equals l.Id
        join loc in db.Locations on t.LocationId equals loc.Id
        join i in db.Items on t.ItemId equals i.Id
        select new TaskView
        {
            Id = t.Id, Wave = t.WaveId, SiteId = t.SiteId, Site = s.Code, Order = o.Number, Line = l.LineNumber, Location = loc.Code,
            Sku = i.Sku, Description = i.Description, QuantityMilli = t.QuantityMilli, PickedMilli = t.PickedMilli, BaseUnit = i.BaseUnit,
            Status = t.Status, Sequence = t.Sequence,
        };

    public static PickTaskResponse Response(TaskView t) => new(t.Id, t.Wave, t.Site, t.Order, t.Line, t.Location, t.Sku, t.Description,
        t.QuantityMilli / 1000m, t.PickedMilli / 1000m, t.BaseUnit, t.Status.ToString().ToLowerInvariant(), t.Sequence);
}
