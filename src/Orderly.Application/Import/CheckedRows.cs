using System.Collections.Concurrent;

namespace Orderly.Application.Import;

/// <summary>
/// Checks an import's rows on a second thread while the caller writes the rows already checked,
/// in the import's one transaction: checking and writing took about the same time each, one after
/// the other (docs/performance.md §3). Once any row has failed, no more rows are handed over and
/// the write is stopped; the check still goes on to the last row, so every error is reported, and
/// the caller rolls back what was written. The check may add to the import's errors; nothing else
/// may while it runs.
/// </summary>
internal sealed class CheckedRows<TRow> : IDisposable
{
    /// <summary>Rows are handed over in batches: one hand-over per row would cost more than the row's check.</summary>
    private const int BatchSize = 256;

    private readonly BlockingCollection<List<TRow>> _batches = [];
    private readonly CancellationTokenSource _stop;
    private readonly Task _checking;

    /// <summary>Set by the checking thread, before it completes the hand-over, when any row failed or the check threw.</summary>
    private volatile bool _rejected;

    /// <param name="check">
    /// Checks every row, adding what is wrong to <paramref name="errors"/>, and passes each valid
    /// row to the action it is given once all of that row's checks are done.
    /// </param>
    public CheckedRows(Action<Action<TRow>> check, ImportErrors errors, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stop = _stop.Token;
        // Errors from reading the file: there is nothing to write, only the rest of the errors to find.
        _rejected = !errors.IsEmpty;
        _checking = Task.Run(() =>
        {
            var batch = new List<TRow>(BatchSize);
            try
            {
                check(row =>
                {
                    stop.ThrowIfCancellationRequested();
                    if (!errors.IsEmpty)
                    {
                        _rejected = true;
                        return;
                    }
                    batch.Add(row);
                    if (batch.Count < BatchSize) return;
                    _batches.Add(batch, stop);
                    batch = new List<TRow>(BatchSize);
                });
                if (!errors.IsEmpty) _rejected = true;
                else if (batch.Count > 0) _batches.Add(batch, stop);
            }
            catch
            {
                _rejected = true;
                throw;
            }
            finally
            {
                _batches.CompleteAdding();
            }
        }, stop);
    }

    /// <summary>
    /// Writes the valid rows with <paramref name="write"/>, which must enumerate them once, as they
    /// are checked. True when every row was valid and written; false when a row failed (the errors
    /// say which): the write was then stopped part-way, by an exception from the rows it was given,
    /// and what it wrote must be rolled back. A check that throws rethrows here.
    /// </summary>
    public async Task<bool> WriteAsync(Func<IEnumerable<TRow>, Task> write)
    {
        if (!_rejected)
        {
            try
            {
                await write(Rows());
            }
            catch (RowsRejectedException)
            {
                // The check failed a row: the write stopped where it was.
            }
        }
        await _checking;
        return !_rejected;
    }

    private IEnumerable<TRow> Rows()
    {
        foreach (var batch in _batches.GetConsumingEnumerable(_stop.Token))
            foreach (var row in batch)
                yield return row;
        // Ending normally would let the writer finish its work (on PostgreSQL, complete the COPY
        // and merge) only to have it rolled back; an exception stops it where it is.
        if (_rejected) throw new RowsRejectedException();
    }

    /// <summary>Stops a check still running (the write failed) and waits for it, so nothing touches the errors afterwards.</summary>
    public void Dispose()
    {
        if (!_checking.IsCompleted) _stop.Cancel();
        try
        {
            _checking.Wait();
        }
        catch (AggregateException)
        {
            // Observed, whatever it was: the caller is already reporting the failure that matters
            // (the write's), or has awaited the check and seen its outcome.
        }
        _stop.Dispose();
        _batches.Dispose();
    }

    private sealed class RowsRejectedException : Exception;
}
