using Orderly.Import;

namespace Orderly.Tests.Import;

/// <summary>The hand-over between the thread that checks an import's rows and the one that writes them.</summary>
public class CheckedRowsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AllValid_EveryRowIsHandedOverInFileOrder()
    {
        var errors = new ImportErrors();
        using var rows = new CheckedRows<int>(valid =>
        {
            for (var i = 0; i < 1000; i++) valid(i);
        }, errors, Ct);

        Assert.Equal(Enumerable.Range(0, 1000), rows.Rows.ToList());
        await rows.Completion;
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public async Task AFailedRow_StopsTheHandOver_ButEveryRowIsStillChecked()
    {
        var errors = new ImportErrors();
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

        var written = rows.Rows.ToList();
        await rows.Completion;

        // Whole batches before the first failure may have been handed over, nothing at or after it.
        Assert.Equal(Enumerable.Range(0, written.Count), written);
        Assert.True(written.Count < 600, $"{written.Count} rows were handed over.");
        Assert.Equal(1000, checkedRows);
        Assert.Equal(2, errors.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task AFailedWrite_StopsTheCheck()
    {
        var errors = new ImportErrors();
        var rows = new CheckedRows<int>(valid =>
        {
            // A check that would never end: only the stop that the failed write asks for ends it.
            for (var i = 0; ; i++) valid(i);
        }, errors, TestContext.Current.CancellationToken);

        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var row in rows.Rows) throw new InvalidOperationException("the database refused the row");
        });
        rows.Dispose();

        Assert.True(rows.Completion.IsCompleted);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rows.Completion);
    }

    [Fact]
    public async Task ACheckThatThrows_EndsTheRows_AndRaisesFromCompletion()
    {
        var errors = new ImportErrors();
        using var rows = new CheckedRows<int>(valid =>
        {
            valid(1);
            throw new FormatException("a bug in a rule");
        }, errors, Ct);

        Assert.Empty(rows.Rows.ToList());
        var raised = await Assert.ThrowsAsync<FormatException>(() => rows.Completion);
        Assert.Equal("a bug in a rule", raised.Message);
    }
}
