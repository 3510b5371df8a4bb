using Orderly.Data.Storage;

namespace Orderly.Hosting;

/// <summary>
/// Keeps the server's one SQLite writer connection (<see cref="SqliteWriter"/>) open from start to
/// stop. Before it starts, and after it stops, writes use their request's own connection.
/// </summary>
public sealed class SqliteWriterLifetime(DatabaseSettings settings) : IHostedService
{
    private SqliteWriter.Registration? _writer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer = SqliteWriter.Acquire(settings);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Closes the connection once the write in progress, if any, is done; should the host's
    /// shutdown timeout end first, the writer is only withdrawn and closes with the process.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _writer, null) is not { } writer) return;
        try
        {
            await writer.ReleaseAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
