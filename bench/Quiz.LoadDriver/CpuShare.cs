using System.Diagnostics;
using static System.FormattableString;

namespace Quiz.LoadDriver;

/// <summary>
/// CPU time spent during a measured window, by process group: this process (the bot, the Bot API stub and the driver's players
/// share it), PostgreSQL's processes and Redis, and the whole host — read from Linux's <c>/proc</c> (utime + stime) at the
/// window's start and end. What bounds a closed-loop benchmark on a small host is the sum of these per operation.
/// </summary>
internal sealed class CpuShare
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux architecture .NET runs on
    private readonly Snapshot start = Snapshot.Take();
    private readonly long started = Stopwatch.GetTimestamp();

    public Result Stop()
    {
        var end = Snapshot.Take();
        return new Result(Stopwatch.GetElapsedTime(started).TotalSeconds, end.Own - start.Own, Delta(start.Postgres, end.Postgres),
            Delta(start.Redis, end.Redis), end.HostBusy - start.HostBusy);
    }

    /// <summary>CPU seconds of the processes alive at the end (a process that ended inside the window is missed; the pools keep theirs).</summary>
    private static double Delta(Dictionary<int, double> before, Dictionary<int, double> after) =>
        after.Sum(p => p.Value - before.GetValueOrDefault(p.Key));

    internal sealed record Result(double Seconds, double Own, double Postgres, double Redis, double HostBusy)
    {
        /// <summary>One line: cores used by each group and its CPU milliseconds per <paramref name="what"/>.</summary>
        public string Describe(double operations, string what) => OperatingSystem.IsLinux()
            ? Invariant($"CPU in the measured {Seconds:F0} s (host busy {HostBusy / Seconds / Environment.ProcessorCount * 100:F0} % of {Environment.ProcessorCount} cores), per {what}: ")
                + Invariant($"this process (bot, stub, driver) {Own / Seconds:F2} cores = {Own * 1000 / operations:F1} ms, ")
                + Invariant($"PostgreSQL {Postgres / Seconds:F2} cores = {Postgres * 1000 / operations:F1} ms, Redis {Redis / Seconds:F2} cores = {Redis * 1000 / operations:F1} ms")
            : "CPU per process: only measured on Linux";
    }

    private sealed record Snapshot(double Own, Dictionary<int, double> Postgres, Dictionary<int, double> Redis, double HostBusy)
    {
        public static Snapshot Take()
        {
            var own = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            Dictionary<int, double> postgres = [], redis = [];
            if (!OperatingSystem.IsLinux()) return new Snapshot(own, postgres, redis, 0);
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), out var pid) || Read(pid) is not { } stat) continue;
                if (stat.Name.StartsWith("postgres", StringComparison.Ordinal)) postgres[pid] = stat.Seconds;
                else if (stat.Name.StartsWith("redis", StringComparison.Ordinal)) redis[pid] = stat.Seconds;
            }
            // /proc/stat's first line: user nice system idle iowait irq softirq steal …; busy = all but idle and iowait.
            var host = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            return new Snapshot(own, postgres, redis, (host.Sum() - host[3] - host[4]) / TicksPerSecond);
        }

        private static (string Name, double Seconds)? Read(int pid)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                // After "pid (comm) ": state is field 0, utime field 11, stime field 12.
                return (stat[(stat.IndexOf('(') + 1)..close], (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond);
            }
            catch (IOException)
            {
                return null; // the process ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
