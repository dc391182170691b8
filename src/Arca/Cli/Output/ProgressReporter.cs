using System.Globalization;
using System.Text.Json;

namespace Arca.Cli.Output;

/// <summary>
/// Shows a long operation's progress on stderr: a redrawn bar with files, bytes, throughput and ETA
/// on a terminal; a plain line every few seconds otherwise; JSON lines with <c>--json</c>.
/// </summary>
internal sealed class ProgressReporter : IAsyncDisposable
{
    private readonly string _verb;
    private readonly OutputMode _mode;
    private readonly Func<ProgressSnapshot> _snapshot;
    private readonly TimeProvider _time;
    private readonly TextWriter _err;
    private readonly long _started;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private bool _drawn;

    public ProgressReporter(string verb, OutputMode mode, Func<ProgressSnapshot> snapshot, TimeProvider time, TextWriter err)
    {
        _verb = verb;
        _mode = mode;
        _snapshot = snapshot;
        _time = time;
        _err = err;
        _started = time.GetTimestamp();
        var period = mode == OutputMode.Terminal ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(mode == OutputMode.Json ? 1 : 5);
        _timer = time.CreateTimer(_ => Report(final: false), null, period, period);
    }

    public static OutputMode DetectMode(bool json) =>
        json ? OutputMode.Json
        : !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is { } term && term != "dumb" ? OutputMode.Terminal
        : OutputMode.Plain;

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        Report(final: true);
    }

    private void Report(bool final)
    {
        lock (_gate)
        {
            var s = _snapshot();
            var elapsed = _time.GetElapsedTime(_started);
            var rate = elapsed.TotalSeconds > 0 ? s.BytesDone / elapsed.TotalSeconds : 0;
            switch (_mode)
            {
                case OutputMode.Json:
                    _err.WriteLine(JsonSerializer.Serialize(new ProgressLine(final ? "done" : "progress", _verb, s.FilesDone, s.FilesTotal, s.BytesDone, s.BytesTotal, Math.Round(elapsed.TotalSeconds, 3), Percent(s)), CliJson.Default.ProgressLine));
                    break;
                case OutputMode.Terminal:
                    _err.Write("\r" + Line(s, elapsed, rate, bar: true) + "\u001b[K");
                    _drawn = true;
                    if (final && _drawn)
                    {
                        _err.WriteLine();
                    }

                    break;
                default:
                    if (!final)
                    {
                        _err.WriteLine(Line(s, elapsed, rate, bar: false));
                    }

                    break;
            }

            _err.Flush();
        }
    }

    private string Line(ProgressSnapshot s, TimeSpan elapsed, double rate, bool bar)
    {
        var pct = Percent(s);
        var files = s.FilesTotal >= 0 ? $"{s.FilesDone:N0}/{s.FilesTotal:N0} files" : $"{s.FilesDone:N0} files";
        var bytes = s.BytesTotal >= 0 ? $"{Humanize.Bytes(s.BytesDone)}/{Humanize.Bytes(s.BytesTotal)}" : Humanize.Bytes(s.BytesDone);
        var eta = pct is > 0 and < 100 && rate > 0 ? " ETA " + Humanize.Duration(TimeSpan.FromSeconds((s.BytesTotal - s.BytesDone) / rate)) : string.Empty;
        var head = bar && pct is { } p ? $"[{new string('#', (int)(p / 5)).PadRight(20, '.')}] {p,5:0.0}% " : pct is { } q ? $"{q:0.0}% " : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{_verb}: {head}{files}, {bytes}, {Humanize.Bytes(rate)}/s, {Humanize.Duration(elapsed)}{eta}");
    }

    private static double? Percent(ProgressSnapshot s) =>
        s.BytesTotal > 0 ? Math.Min(100, 100.0 * s.BytesDone / s.BytesTotal) : s.BytesTotal == 0 ? 100 : null;
}
