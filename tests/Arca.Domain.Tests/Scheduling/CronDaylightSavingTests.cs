using Arca.Domain.Scheduling;

namespace Arca.Domain.Tests.Scheduling;

/// <summary>
/// Schedules are matched on the zone's wall clock. Spring forward: a local time that does not exist
/// does not fire that day. Fall back: a local time that occurs twice fires once, at its first
/// occurrence. (EventBridge Scheduler's documented behaviour.)
/// </summary>
public sealed class CronDaylightSavingTests
{
    private static readonly TimeZoneInfo Berlin = Zone("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = Zone("America/New_York");

    private static TimeZoneInfo Zone(string id)
    {
        Assert.True(ScheduleTimeZones.TryFind(id, out TimeZoneInfo? zone), id);
        return zone;
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset[] Fires(string cron, TimeZoneInfo zone, string from, string to)
    {
        return CronExpression.Parse(cron).Occurrences(At(from), At(to), zone).ToArray();
    }

    [Fact]
    public void Berlin_02_30_is_skipped_on_the_spring_forward_day()
    {
        // 2024-03-31: 02:00 CET jumps to 03:00 CEST.
        DateTimeOffset[] fires = Fires("cron(30 2 * * ? *)", Berlin, "2024-03-29T12:00:00Z", "2024-04-02T12:00:00Z");
        Assert.Equal(
            [At("2024-03-30T02:30:00+01:00"), At("2024-04-01T02:30:00+02:00"), At("2024-04-02T02:30:00+02:00")],
            fires);
    }

    [Fact]
    public void Berlin_02_30_fires_once_on_the_fall_back_day_at_its_first_occurrence()
    {
        // 2024-10-27: 03:00 CEST falls back to 02:00 CET, so 02:30 happens at 00:30Z and again at 01:30Z.
        DateTimeOffset[] fires = Fires("cron(30 2 * * ? *)", Berlin, "2024-10-26T12:00:00Z", "2024-10-28T12:00:00Z");
        Assert.Equal([At("2024-10-27T00:30:00Z"), At("2024-10-28T01:30:00Z")], fires);
    }

    [Fact]
    public void Asking_between_the_two_passes_of_the_repeated_hour_does_not_fire_again()
    {
        var cron = CronExpression.Parse("cron(30 2 * * ? *)");
        Assert.Equal(At("2024-10-28T01:30:00Z"), cron.NextOccurrence(At("2024-10-27T00:45:00Z"), Berlin));
        Assert.Equal(At("2024-10-28T01:30:00Z"), cron.NextOccurrence(At("2024-10-27T01:15:00Z"), Berlin));
    }

    [Fact]
    public void Berlin_hourly_fires_once_per_wall_clock_hour_on_the_fall_back_night()
    {
        DateTimeOffset[] fires = Fires("cron(0 * * * ? *)", Berlin, "2024-10-26T22:00:00Z", "2024-10-27T03:00:00Z");
        // 01:00 CEST, 02:00 CEST, (02:00 CET is the same wall time: not again), 03:00 CET, 04:00 CET.
        Assert.Equal(
            [At("2024-10-26T23:00:00Z"), At("2024-10-27T00:00:00Z"), At("2024-10-27T02:00:00Z"), At("2024-10-27T03:00:00Z")],
            fires);
    }

    [Fact]
    public void Berlin_hourly_loses_no_real_hour_on_the_spring_forward_night()
    {
        DateTimeOffset[] fires = Fires("cron(0 * * * ? *)", Berlin, "2024-03-30T23:00:00Z", "2024-03-31T02:00:00Z");
        // 01:00 CET, (02:00 does not exist), 03:00 CEST, 04:00 CEST: one hour apart in real time.
        Assert.Equal([At("2024-03-31T00:00:00Z"), At("2024-03-31T01:00:00Z"), At("2024-03-31T02:00:00Z")], fires);
    }

    [Fact]
    public void New_York_02_30_is_skipped_on_the_spring_forward_day()
    {
        // 2024-03-10: 02:00 EST jumps to 03:00 EDT.
        DateTimeOffset[] fires = Fires("cron(30 2 * * ? *)", NewYork, "2024-03-09T00:00:00Z", "2024-03-11T12:00:00Z");
        Assert.Equal([At("2024-03-09T02:30:00-05:00"), At("2024-03-11T02:30:00-04:00")], fires);
    }

    [Fact]
    public void New_York_01_30_fires_once_on_the_fall_back_day()
    {
        // 2024-11-03: 02:00 EDT falls back to 01:00 EST; 01:30 EDT = 05:30Z comes first.
        DateTimeOffset[] fires = Fires("cron(30 1 * * ? *)", NewYork, "2024-11-02T12:00:00Z", "2024-11-04T12:00:00Z");
        Assert.Equal([At("2024-11-03T05:30:00Z"), At("2024-11-04T06:30:00Z")], fires);
    }

    [Fact]
    public void New_York_daily_05_00_keeps_local_time_across_both_changes()
    {
        DateTimeOffset[] spring = Fires("cron(0 5 ? * * *)", NewYork, "2024-03-09T00:00:00Z", "2024-03-11T23:00:00Z");
        Assert.Equal([At("2024-03-09T10:00:00Z"), At("2024-03-10T09:00:00Z"), At("2024-03-11T09:00:00Z")], spring);
        DateTimeOffset[] fall = Fires("cron(0 5 ? * * *)", NewYork, "2024-11-02T00:00:00Z", "2024-11-04T23:00:00Z");
        Assert.Equal([At("2024-11-02T09:00:00Z"), At("2024-11-03T10:00:00Z"), At("2024-11-04T10:00:00Z")], fall);
    }

    [Fact]
    public void Berlin_weekly_schedule_keeps_local_time_across_the_change()
    {
        // Sundays at 03:00 local: 2024-03-24 is CET (02:00Z), 2024-03-31 is CEST (01:00Z).
        DateTimeOffset[] fires = Fires("cron(0 3 ? * SUN *)", Berlin, "2024-03-20T00:00:00Z", "2024-04-01T00:00:00Z");
        Assert.Equal([At("2024-03-24T02:00:00Z"), At("2024-03-31T01:00:00Z")], fires);
    }

    [Theory]
    [InlineData("Etc/UTC")]
    [InlineData("UTC")]
    [InlineData("Europe/Berlin")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("Etc/GMT+5")]
    public void Known_IANA_zones_resolve(string id)
    {
        Assert.True(ScheduleTimeZones.TryFind(id, out TimeZoneInfo? zone));
        Assert.NotNull(zone);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../../etc/passwd")]
    [InlineData("Europe/../Europe/Berlin")]
    [InlineData("/etc/localtime")]
    [InlineData("Europe/Berlin\n")]
    [InlineData("Europe Berlin")]
    public void Unknown_or_malformed_zones_do_not_resolve(string? id)
    {
        Assert.False(ScheduleTimeZones.TryFind(id, out TimeZoneInfo? zone));
        Assert.Null(zone);
    }
}
