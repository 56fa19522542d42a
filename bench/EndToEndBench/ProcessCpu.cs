using System.Globalization;

namespace GxProtocol.EndToEndBench;

/// <summary>CPU time of a process from /proc/PID/stat (utime + stime, in clock ticks of 1/100 s on Linux).</summary>
public static class ProcessCpu
{
    // sysconf(_SC_CLK_TCK) is 100 on every Linux the project targets.
    private const double MillisecondsPerTick = 10.0;

    public static double Milliseconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may hold spaces and parentheses: fields are counted after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the name: state is field 3, so utime (14) and stime (15) sit at indexes 11 and 12.
        long utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        long stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (utime + stime) * MillisecondsPerTick;
    }
}
