using Orderly.Core.Security;

namespace Orderly.Core.Tests.Security;

public class SiteScopeTests
{
    [Fact]
    public void Parse_StarIsAllSites_ListIsThoseSites()
    {
        Assert.True(SiteScope.Parse("*").AllSites);
        var scope = SiteScope.Parse("br-det, BR-STL");
        Assert.False(scope.AllSites);
        Assert.True(scope.Includes("BR-DET"));
        Assert.False(scope.Includes("BR-BOS"));
        Assert.Equal("BR-DET,BR-STL", scope.ToString());
    }

    [Fact]
    public void Intersect_TokenNeverReachesBeyondItsUser()
    {
        var user = SiteScope.Parse("BR-DET,BR-STL");
        Assert.Equal(user, SiteScope.All.Intersect(user));
        Assert.Equal(SiteScope.Parse("BR-DET"), user.Intersect(SiteScope.Parse("BR-DET,BR-BOS")));
        Assert.Empty(user.Intersect(SiteScope.Parse("BR-BOS")).Codes);
    }

    [Fact]
    public void EveryRole_GrantsOnlyKnownPermissions_AndAdminGrantsAll()
    {
        foreach (var role in Roles.All)
            Assert.All(Roles.PermissionsOf(role), p => Assert.True(Permissions.IsKnown(p), p));
        Assert.Equal(Permissions.All.Order(), Roles.PermissionsOf(Roles.Admin).Order());
        Assert.DoesNotContain(Permissions.AuditRead, Roles.PermissionsOf(Roles.Picker));
    }
}
