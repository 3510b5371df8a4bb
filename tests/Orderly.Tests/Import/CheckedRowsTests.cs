using Orderly.Application.Import;

namespace Orderly.Tests.Import;

/// <summary>The hand-over between the thread that checks an import's rows and the one that writes them.</summary>
public class CheckedRowsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AllValid_EveryRowIsWrittenInFileOrder()
    {
        var errors = new ImportErrors();
        var written = new List<int>();
        using var rows = new CheckedRows<int>(valid =>
        {
            for (var i = 0; i < 1000; i++) valid(i);
        }, errors, Ct);

        Assert.True(await rows.WriteAsync(valid => Write(valid, written)));
        Assert.Equal(Enumerable.Range(0, 1000), written);
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public async Task AFailedRow_StopsTheWrite_ButEveryRowIsStillChecked()
    {
        var errors = new ImportErrors();
        var written = new List<int>();
        var finished = false;
        var checkedRows = 0;
        using var rows = new CheckedRows<int>(valid =>
        {
            for (var i = 0; i < 1000; i++)
            {
                checkedRows++;
                if (i is 600 or 900) errors.Add(i + 2, "sku", "wrong");
                else valid(i);
            }
        }, errors, Ct);

        Assert.False(await rows.WriteAsync(async valid =>
        {
            await Write(valid, written);
            finished = true;
        }));

        // Whole batches before the first failure may have been written, nothing at or after it, and
        // the write was stopped rather than allowed to finish (on PostgreSQL: complete its COPY).
        Assert.Equal(Enumerable.Range(0, written.Count), written);
        Assert.True(written.Count < 600, $"{written.Count} rows were written.");
        Assert.False(finished);
        Assert.Equal(1000, checkedRows);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public async Task ErrorsFromReading_SkipTheWrite_AndTheCheckStillRuns()
    {
        var errors = new ImportErrors();
        errors.Add(3, "blocked", "'maybe' is not true or false.");
        var writes = 0;
        using var rows = new CheckedRows<int>(valid =>
        {
            valid(1);
            errors.Add(4, "sku", "wrong");
        }, errors, Ct);

        Assert.False(await rows.WriteAsync(_ =>
        {
            writes++;
            return Task.CompletedTask;
        }));
        Assert.Equal(0, writes);
        Assert.Equal(2, errors.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task AFailedWrite_StopsTheCheck()
    {
        const int Total = 100_000_000;
        var errors = new ImportErrors();
        var checkedRows = 0;
        var rows = new CheckedRows<int>(valid =>
        {
            // Far more rows than the write takes before it fails: only the stop ends the check early.
            for (; checkedRows < Total; checkedRows++) valid(checkedRows);
        }, errors, TestContext.Current.CancellationToken);
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => rows.WriteAsync(valid =>
            {
                foreach (var row in valid) throw new InvalidOperationException("the database refused the row");
                return Task.CompletedTask;
            }));
        }
        finally
        {
            rows.Dispose();
        }
        Assert.True(checkedRows < Total, "The check ran to the end although the write had failed.");
    }

    [Fact]
    public async Task ACheckThatThrows_StopsTheWrite_AndRaisesFromIt()
    {
        var errors = new ImportErrors();
        var written = new List<int>();
        using var rows = new CheckedRows<int>(valid =>
        {
            valid(1);
            throw new FormatException("a bug in a rule");
        }, errors, Ct);

        var raised = await Assert.ThrowsAsync<FormatException>(() => rows.WriteAsync(valid => Write(valid, written)));
        Assert.Equal("a bug in a rule", raised.Message);
        Assert.Empty(written);
    }

    private static Task Write(IEnumerable<int> rows, List<int> written)
    {
        foreach (var row in rows) written.Add(row);
        return Task.CompletedTask;
    }
}
