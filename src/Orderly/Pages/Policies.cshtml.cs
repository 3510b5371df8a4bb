using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Orderly.Core.Policies;
using Orderly.Core.Security;
using Orderly.Policies;
using Orderly.Application.Policies;

namespace Orderly.Pages;

/// <summary>The policy register, read-only: each policy's standard and every scoped variation.</summary>
[Authorize(Policy = Permissions.MasterDataRead)]
public sealed class PoliciesModel(PolicyStore store, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PolicyResponse> Register { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Register = PolicyEndpoints.Describe(await store.ValuesAsync(cancellationToken), clock.GetUtcNow());
}
