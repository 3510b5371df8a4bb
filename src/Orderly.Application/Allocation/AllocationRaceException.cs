namespace Orderly.Application.Allocation;

/// <summary>
/// Stock the plan counted on was taken by a concurrent transaction between reading and taking.
/// The whole unit of work is rolled back and tried again with a fresh view of the stock.
/// </summary>
public sealed class AllocationRaceException() : Exception("Planned stock was taken by a concurrent transaction.");
