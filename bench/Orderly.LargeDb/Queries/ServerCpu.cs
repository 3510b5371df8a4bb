using System.Globalization;

namespace Orderly.LargeDb.Queries;

/// <summary>
/// The CPU time the server process has used (user and system, from /proc/PID/stat). Latency on a
/// shared machine includes waiting for a core; CPU per request does not, so it tells the two apart.
/// </summary>
internal static class ServerCpu
{
    // Fields 14 and 15 of /proc/PID/stat count clock ticks, which Linux fixes at 100 per second for user space.
    private const double TicksPerSecond = 100;

    public static TimeSpan? Read(int? pid)
    {
        if (pid is not { } id || !File.Exists($"/proc/{id}/stat")) return null;
        var stat = File.ReadAllText($"/proc/{id}/stat");
        // The command name (field 2) may hold spaces; the fields after it start past its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
