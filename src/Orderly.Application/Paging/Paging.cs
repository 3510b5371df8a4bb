using Microsoft.EntityFrameworkCore;
using Orderly.Core.Validation;
using Orderly.Data.Import;

namespace Orderly.Application.Paging;

/// <summary>A page of a list, with the total so a client can show "41-60 of 2,013".</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

/// <summary>Page number (from 1) and size (1 to 200, default 50) of a list request.</summary>
public readonly record struct PageRequest(int Number, int Size)
{
    public const int MaxSize = 200;
    public const int MaxPage = 1_000_000;

    public static PageRequest? Parse(int? page, int? pageSize, FieldErrors errors)
    {
        var number = page ?? 1;
        var size = pageSize ?? 50;
        if (number is < 1 or > MaxPage) errors.Add("page", $"The page number is between 1 and {MaxPage:N0}.");
        if (size is < 1 or > MaxSize) errors.Add("pageSize", $"The page size is between 1 and {MaxSize}.");
        return errors.IsEmpty ? new PageRequest(number, size) : null;
    }

    public async Task<Page<TOut>> ReadAsync<TIn, TOut>(IQueryable<TIn> ordered, Func<TIn, TOut> map, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var rows = await ordered.Skip((Number - 1) * Size).Take(Size).ToListAsync(cancellationToken);
        return new Page<TOut>(rows.Select(map).ToList(), Number, Size, total);
    }
}
