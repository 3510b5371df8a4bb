using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Orderly.Core.Orders;
using Orderly.Data.Storage;

namespace Orderly.Data.Orders;

/// <summary>
/// Writes a newly captured order once: its keys are reserved first, so its number, its events and
/// its ledger references exist before any row does, and the order, its lines and their allocations
/// are then inserted in their final, allocated state, once each (<see cref="InsertBatch"/>). Through the
/// change tracker the same capture inserted each row and then updated it (the number, each line's
/// allocated quantities), one statement per row on SQLite.
/// </summary>
public static class NewOrderRows
{
    /// <summary>
    /// Gives the order and its lines their ids, and the order its number, inside the caller's write
    /// transaction. On SQLite the transaction holds the database's one write lock, so the next ids are
    /// the largest plus one (the tables are not AUTOINCREMENT, so this is what SQLite itself would
    /// give). On PostgreSQL the ids come from the columns' identity sequences.
    /// </summary>
    /// <returns>
    /// False when an order with the same channel and external reference is already stored, so the
    /// insert would be refused: asked in the same statement, it saves a capture a query of its own.
    /// The unique index stays the guarantee: on PostgreSQL a capture of the same reference that has
    /// not committed yet is not seen here, and its insert meets the index.
    /// </returns>
    public static async Task<bool> ReserveKeysAsync(this OrderlyDbContext db, Order order, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("An order's keys are reserved inside the transaction that inserts it.");
        var orders = Table<Order>(db);
        var lines = Table<OrderLine>(db);
        var connection = db.Database.GetDbConnection();
        var taken = ReferenceTaken(db, order, out var channel);
        var lineCount = order.Lines.Count;
        long orderId;
        bool free;
        var lineIds = new long[lineCount];
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = $"""
                SELECT nextval(pg_get_serial_sequence('"{orders}"', 'id')),
                       array(SELECT nextval(pg_get_serial_sequence('"{lines}"', 'id')) FROM generate_series(1, {lineCount})),
                       {taken}
                """;
            AddReferenceParameters(command);
            Bind(command, channel, order.ExternalRef);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            orderId = reader.GetInt64(0);
            lineIds = reader.GetFieldValue<long[]>(1);
            free = !reader.GetBoolean(2);
        }
        else
        {
            var sql = $"""SELECT (SELECT coalesce(max("id"), 0) FROM "{orders}"), (SELECT coalesce(max("id"), 0) FROM "{lines}"), {taken}""";
            // On a server's writer it stays prepared between captures.
            await using var command = WriteCommand.For(connection, transaction.GetDbTransaction(), sql, AddReferenceParameters);
            Bind(command.Command, channel, order.ExternalRef);
            await using var reader = await command.Command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            orderId = reader.GetInt64(0) + 1;
            var lastLineId = reader.GetInt64(1);
            for (var index = 0; index < lineCount; index++) lineIds[index] = lastLineId + 1 + index;
            free = !reader.GetBoolean(2);
        }

        var orderKey = Key<Order>(db);
        var lineKey = Key<OrderLine>(db);
        var lineOrder = ForeignKey<OrderLine>(db, nameof(OrderLine.OrderId));
        orderKey(order, orderId);
        order.AssignNumber();
        for (var index = 0; index < lineCount; index++)
        {
            lineKey(order.Lines[index], lineIds[index]);
            lineOrder(order.Lines[index], orderId);
        }
        return free;
    }

    /// <summary>An EXISTS over the unique index of (external reference, channel), for the parameters <see cref="Bind"/> sets; <paramref name="channel"/> is the order's channel as stored.</summary>
    private static string ReferenceTaken(OrderlyDbContext db, Order order, out object channel)
    {
        var type = db.Model.FindEntityType(typeof(Order))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var channelProperty = type.FindProperty(nameof(Order.Channel))!;
        var reference = type.FindProperty(nameof(Order.ExternalRef))!;
        channel = channelProperty.GetTypeMapping().Converter?.ConvertToProvider(order.Channel) ?? order.Channel;
        return $"""EXISTS (SELECT 1 FROM "{table.Name}" WHERE "{reference.GetColumnName(table)}" = @reference AND "{channelProperty.GetColumnName(table)}" = @channel)""";
    }

    private static void AddReferenceParameters(System.Data.Common.DbCommand command)
    {
        foreach (var name in (string[])["channel", "reference"])
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
    }

    private static void Bind(System.Data.Common.DbCommand command, object channel, string reference)
    {
        command.Parameters["channel"].Value = channel;
        command.Parameters["reference"].Value = reference;
    }

    /// <summary>Inserts the order, its lines and their allocations as they now are; call it once allocation has been applied.</summary>
    public static Task InsertNewAsync(this OrderlyDbContext db, Order order, CancellationToken cancellationToken) =>
        db.BeginInserts().AddNewOrder(db, order).ExecuteAsync(cancellationToken);

    /// <summary>Adds the order, its lines and their allocations as they now are to <paramref name="inserts"/>; call it once allocation has been applied.</summary>
    public static InsertBatch AddNewOrder(this InsertBatch inserts, OrderlyDbContext db, Order order)
    {
        if (order.Id == 0) throw new InvalidOperationException("Reserve the order's keys before inserting it.");
        var allocationLine = ForeignKey<LineAllocation>(db, nameof(LineAllocation.OrderLineId));
        var allocationOrder = ForeignKey<LineAllocation>(db, nameof(LineAllocation.OrderId));
        var allocations = new List<LineAllocation>();
        foreach (var line in order.Lines)
            foreach (var allocation in line.Allocations)
            {
                allocationLine(allocation, line.Id);
                allocationOrder(allocation, order.Id);
                allocations.Add(allocation);
            }
        // Parents first: the foreign keys are checked statement by statement.
        return inserts.Add([order], keysGiven: true).Add(order.Lines, keysGiven: true).Add(allocations);
    }

    private static string Table<T>(OrderlyDbContext db) => db.Model.FindEntityType(typeof(T))!.GetTableName()!;

    private static Action<object, long> Key<T>(OrderlyDbContext db) =>
        db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Single().Setter();

    private static Action<object, long> ForeignKey<T>(OrderlyDbContext db, string property) =>
        db.Model.FindEntityType(typeof(T))!.FindProperty(property)!.Setter();

    // Looked up once per property: a capture sets keys while it holds SQLite's one writer.
    private static readonly ConcurrentDictionary<IProperty, Action<object, long>> Setters = new();

    /// <summary>Sets a key as materialization does, through the member EF Core uses (the backing field), so the domain's private setters stay private.</summary>
    private static Action<object, long> Setter(this IProperty property) => Setters.GetOrAdd(property, static p => p.GetMemberInfo(forMaterialization: true, forSet: true) switch
    {
        FieldInfo field => (entity, value) => field.SetValue(entity, value),
        PropertyInfo clrProperty => (entity, value) => clrProperty.SetValue(entity, value),
        var member => throw new InvalidOperationException($"{p.DeclaringType.DisplayName()}.{p.Name} is mapped to {member.MemberType}, which cannot be set."),
    });
}
