using Arca.Domain.Scheduling;

namespace Arca.Domain.Tests.Scheduling;

public sealed class ScheduleTimeZonesTests
{
    [Theory]
    [InlineData("Europe/Paris")]
    [InlineData("Etc/UTC")]
    [InlineData("UTC")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("Etc/GMT+5")]
    [InlineData("Etc/GMT-14")]
    public void IANA_zone_names_are_found(string id)
    {
        Assert.True(ScheduleTimeZones.TryFind(id, out TimeZoneInfo? zone));
        Assert.NotNull(zone);
    }

    [Theory]
    [InlineData("Europe")] // directories of the database: the runtime refuses them with a SecurityException
    [InlineData("Etc/")]
    [InlineData("Asia")]
    [InlineData("America/Argentina")]
    [InlineData("posix/Europe/Paris")] // the database's own copies and files, not zone names
    [InlineData("right/UTC")]
    [InlineData("posixrules")]
    [InlineData("localtime")]
    [InlineData("Etc//UTC")]
    [InlineData("Europe/Paris/")]
    [InlineData("../etc/passwd")]
    [InlineData("Nowhere/Atlantis")]
    [InlineData("europe/paris")] // names are case-sensitive, as in the IANA database
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_found_and_never_throws(string? id)
    {
        Assert.False(ScheduleTimeZones.TryFind(id, out TimeZoneInfo? zone));
        Assert.Null(zone);
    }
}
