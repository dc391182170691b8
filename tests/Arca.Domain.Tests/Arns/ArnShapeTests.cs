using Arca.Domain.Arns;

namespace Arca.Domain.Tests.Arns;

public sealed class ArnShapeTests
{
    private const string Account = "111122223333";

    [Fact]
    public void AccountRoot_is_the_iam_root_of_the_account()
    {
        Arn arn = Arn.AccountRoot(Account);

        Assert.Equal("arn:aws:iam::111122223333:root", arn.ToString());
        Assert.Equal(ArnKind.AccountRoot, arn.Kind);
    }

    [Fact]
    public void Role_without_path_uses_the_root_path()
    {
        Arn arn = Arn.Role(Account, "cabrole");

        Assert.Equal("arn:aws:iam::111122223333:role/cabrole", arn.ToString());
        Assert.Equal(ArnKind.Role, arn.Kind);
        Assert.Equal("cabrole", arn.RoleName);
    }

    [Fact]
    public void Role_with_path_keeps_the_path_and_names_the_last_segment()
    {
        Arn arn = Arn.Role(Account, "cabrole", "/service-role/backup/");

        Assert.Equal("arn:aws:iam::111122223333:role/service-role/backup/cabrole", arn.ToString());
        Assert.Equal("cabrole", Arn.Parse(arn.ToString()).RoleName);
    }

    [Theory]
    [InlineData("service-role")]
    [InlineData("/service-role")]
    [InlineData("service-role/")]
    public void Role_path_must_start_and_end_with_a_slash(string path)
    {
        Assert.Throws<ArgumentException>(() => Arn.Role(Account, "cabrole", path));
    }

    [Fact]
    public void AssumedRole_names_role_and_session()
    {
        Arn arn = Arn.AssumedRole(Account, "cabrole", "AWSBackup-cabrole");

        Assert.Equal("arn:aws:sts::111122223333:assumed-role/cabrole/AWSBackup-cabrole", arn.ToString());
        Assert.Equal(ArnKind.AssumedRole, arn.Kind);
        Assert.Equal("cabrole", arn.RoleName);
        Assert.Equal("AWSBackup-cabrole", arn.SessionName);
    }

    [Fact]
    public void Backup_shapes_use_colon_delimited_resources()
    {
        Assert.Equal("arn:aws:backup:eu-west-1:111122223333:backup-vault:cabvault", Arn.BackupVault("eu-west-1", Account, "cabvault").ToString());
        Assert.Equal("arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-1", Arn.RecoveryPoint("eu-west-1", Account, "rp-1").ToString());
        Assert.Equal("arn:aws:backup:eu-west-1:111122223333:backup-plan:p-1", Arn.BackupPlan("eu-west-1", Account, "p-1").ToString());
        Assert.Equal(ArnKind.BackupVault, Arn.BackupVault("eu-west-1", Account, "cabvault").Kind);
        Assert.Equal(ArnKind.RecoveryPoint, Arn.RecoveryPoint("eu-west-1", Account, "rp-1").Kind);
        Assert.Equal(ArnKind.BackupPlan, Arn.BackupPlan("eu-west-1", Account, "p-1").Kind);
        Assert.Equal("cabvault", Arn.BackupVault("eu-west-1", Account, "cabvault").ResourceId);
    }

    [Fact]
    public void Kms_shapes_use_slash_delimited_resources()
    {
        Arn key = Arn.KmsKey("us-east-1", Account, "1234abcd-12ab-34cd-56ef-1234567890ab");
        Arn alias = Arn.KmsAlias("us-east-1", Account, "alias/cabkey");

        Assert.Equal("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", key.ToString());
        Assert.Equal("arn:aws:kms:us-east-1:111122223333:alias/cabkey", alias.ToString());
        Assert.Equal(alias, Arn.KmsAlias("us-east-1", Account, "cabkey"));
        Assert.Equal(ArnKind.KmsKey, key.Kind);
        Assert.Equal(ArnKind.KmsAlias, alias.Kind);
        Assert.Equal("cabkey", alias.ResourceId);
    }

    [Theory]
    [InlineData(ArcaResourceKind.Directory, "arn:aws:arca:us-east-1:111122223333:directory/home")]
    [InlineData(ArcaResourceKind.Sqlite, "arn:aws:arca:us-east-1:111122223333:sqlite/home")]
    [InlineData(ArcaResourceKind.PostgreSql, "arn:aws:arca:us-east-1:111122223333:postgresql/home")]
    public void Arca_resources_have_their_own_service_namespace(ArcaResourceKind kind, string expected)
    {
        Arn arn = Arn.ArcaResource("us-east-1", Account, kind, "home");

        Assert.Equal(expected, arn.ToString());
        Assert.Equal(ArnKind.ArcaResource, Arn.Parse(expected).Kind);
        Assert.Equal(kind, Arn.Parse(expected).ArcaResourceKind);
        Assert.Equal("home", arn.ResourceId);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:rootx")]
    [InlineData("arn:aws:iam:::root")]
    [InlineData("arn:aws:iam::111122223333:role")]
    [InlineData("arn:aws:iam::111122223333:role/")]
    [InlineData("arn:aws:sts::111122223333:assumed-role/cabrole")]
    [InlineData("arn:aws:sts::111122223333:assumed-role/cabrole/s/extra")]
    [InlineData("arn:aws:backup::111122223333:backup-vault:v")]
    [InlineData("arn:aws:backup:eu-west-1:111122223333:backup-vault")]
    [InlineData("arn:aws:kms:eu-west-1::key/k")]
    [InlineData("arn:aws:arca:eu-west-1:111122223333:tape/t")]
    [InlineData("arn:aws:s3:::bucket")]
    public void Other_shapes_are_not_mistaken_for_known_ones(string text)
    {
        Arn arn = Arn.Parse(text);

        Assert.Equal(ArnKind.Other, arn.Kind);
        Assert.Null(arn.RoleName);
        Assert.Null(arn.SessionName);
        Assert.Null(arn.ArcaResourceKind);
    }

    [Fact]
    public void Factories_reject_bad_account_ids_and_empty_names()
    {
        Assert.Throws<ArgumentException>(() => Arn.AccountRoot("1234"));
        Assert.Throws<ArgumentException>(() => Arn.BackupVault("eu-west-1", Account, ""));
        Assert.Throws<ArgumentException>(() => Arn.BackupVault("", Account, "v"));
        Assert.Throws<ArgumentException>(() => Arn.Role(Account, "a/b"));
        Assert.Throws<ArgumentException>(() => Arn.AssumedRole(Account, "r", "s/t"));
    }
}
