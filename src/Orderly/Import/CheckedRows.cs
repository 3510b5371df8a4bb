using System.Collections.Concurrent;

namespace Orderly.Import;

/// <summary>
/// Checks an import's rows on a second thread while the caller writes the rows already checked,
/// in the import's one transaction: checking and writing took about the same time each, one after
/// the other (docs/performance.md §3). Once any row has failed, no more rows are handed over; the
/// check still goes on to the last row, so every error is reported, and the caller rolls back what
/// it wrote. The check may add to the import's errors; nothing else may while it runs.
/// </summary>
internal sealed class CheckedRows<TRow> : IDisposable
{
    /// <summary>Rows are handed over in batches: one hand-over per row would cost more than the row's check.</summary>
    private const int BatchSize = 256;

    private readonly BlockingCollection<List<TRow>> _batches = [];
    private readonly CancellationTokenSource _stop;
    private readonly Task _checking;

    /// <param name="check">
    /// Checks every row, adding what is wrong to <paramref name="errors"/>, and passes each valid
    /// row to the action it is given once all of that row's checks are done.
    /// </param>
    public CheckedRows(Action<Action<TRow>> check, ImportErrors errors, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stop = _stop.Token;
        _checking = Task.Run(() =>
        {
            var batch = new List<TRow>(BatchSize);
            try
            {
                check(row =>
                {
                    stop.ThrowIfCancellationRequested();
                    if (!errors.IsEmpty) return;
                    batch.Add(row);
                    if (batch.Count < BatchSize) return;
                    _batches.Add(batch, stop);
                    batch = new List<TRow>(BatchSize);
                });
                if (errors.IsEmpty && batch.Count > 0) _batches.Add(batch, stop);
            }
            finally
            {
                _batches.CompleteAdding();
            }
        }, stop);
    }

    /// <summary>The valid rows in file order, as they are checked; ends early when a row fails.</summary>
    public IEnumerable<TRow> Rows
    {
        get
        {
            foreach (var batch in _batches.GetConsumingEnumerable(_stop.Token))
                foreach (var row in batch)
                    yield return row;
        }
    }

    /// <summary>Finishes when every row has been checked; the errors are complete then.</summary>
    public Task Completion => _checking;

    /// <summary>Stops a check still running (the write failed) and waits for it, so nothing touches the errors afterwards.</summary>
    public void Dispose()
    {
        if (!_checking.IsCompleted)
        {
            _stop.Cancel();
            try
            {
                _checking.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // Stopped on purpose: the write that failed is what the caller reports.
            }
        }
        _stop.Dispose();
        _batches.Dispose();
    }
}
