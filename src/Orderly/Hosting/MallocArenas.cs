using System.Runtime.InteropServices;

namespace Orderly.Hosting;

/// <summary>
/// Caps glibc's malloc arenas for the server. glibc gives threads that allocate at the same time
/// arenas of their own, up to eight per core, and each keeps what was freed in it for reuse. The
/// server allocates natively little and briefly (SQLite's page caches, the runtime's own), so after
/// a burst of concurrent requests those arenas mostly hold freed memory: two arenas took 7 to 10 MiB
/// off <c>orderly serve</c> after the capture bench's 16-client and batch cases
/// (docs/performance.md). An operator's <c>MALLOC_ARENA_MAX</c> wins: it is left alone when set.
/// </summary>
internal static class MallocArenas
{
    /// <summary>glibc's <c>M_ARENA_MAX</c> parameter of <c>mallopt</c>.</summary>
    private const int ArenaMax = -8;

    public const int ForServer = 2;

    public static void Limit(int arenas)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null) return;
        try
        {
            _ = SetMallocOption(ArenaMax, arenas);
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc (musl, for one, has no per-thread arenas to cap).
        }
    }

    // DllImport, not LibraryImport: the generated stub needs unsafe code in the project, for one
    // call of two ints that needs no marshalling.
    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int SetMallocOption(int parameter, int value);
}
