using System.Text;
using Arca.Control.Identity;
using Arca.Control.Kms;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Microsoft.Extensions.Time.Testing;

namespace Arca.Control.Tests.Kms;

/// <summary>The KMS services over in-memory regions (us-east-1, eu-west-1), the identity services and a fake clock.</summary>
internal sealed class KmsFixture
{
    public static readonly DateTimeOffset T0 = ControlFixture.T0;

    public KmsFixture()
    {
        Control = new ControlFixture(Organizations);
        Regions = RegionSet.InMemory(Path.Combine(Path.GetTempPath(), "arca-kms-test"), "us-east-1", "eu-west-1");
        var tokens = new PageTokens(new byte[32]);
        Keys = new KeyService(Regions, Control.Authorizer, tokens, Time);
        Policies = new KeyPolicyService(Regions, Control.Authorizer, tokens, Time);
        Aliases = new AliasService(Regions, Control.Authorizer, tokens, Time);
        Tags = new KeyTagService(Regions, Control.Authorizer, tokens, Time);
        Crypto = new KmsCryptoService(Regions, Control.Authorizer, Time);
        Resolver = new KeyResolver(Regions, Control.Authorizer, Crypto, Organizations, Time);
    }

    public FakeOrganizations Organizations { get; } = new();

    public ControlFixture Control { get; }

    public FakeTimeProvider Time => Control.Time;

    public RegionSet Regions { get; }

    public KeyService Keys { get; }

    public KeyPolicyService Policies { get; }

    public AliasService Aliases { get; }

    public KeyTagService Tags { get; }

    public KmsCryptoService Crypto { get; }

    public KeyResolver Resolver { get; }

    public Task<CallerIdentity> NewRootAsync(string name = "acct") => Control.NewRootAsync(name);

    public Task<KeyMetadata> CreateKeyAsync(CallerIdentity caller, string? policy = null, bool bypass = false) =>
        Keys.CreateKeyAsync(caller, new CreateKeyRequest { Policy = policy, BypassPolicyLockoutSafetyCheck = bypass, Description = "test key" });

    public async Task<byte[]> EncryptAsync(CallerIdentity caller, string keyId, string text = "hello", IReadOnlyDictionary<string, string>? context = null) =>
        (await Crypto.EncryptAsync(caller, new EncryptRequest { KeyId = keyId, Plaintext = Encoding.UTF8.GetBytes(text), EncryptionContext = context })).CiphertextBlob;

    public async Task<string> DecryptAsync(CallerIdentity caller, byte[] blob, IReadOnlyDictionary<string, string>? context = null, string? keyId = null) =>
        Encoding.UTF8.GetString((await Crypto.DecryptAsync(caller, new DecryptRequest { CiphertextBlob = blob, EncryptionContext = context, KeyId = keyId })).Plaintext);

    /// <summary>A key policy in which each principal (account id or ARN) may do <paramref name="actions"/>, and the owner's root everything.</summary>
    public static string Policy(string ownerAccount, string principals, string actions = "\"kms:*\"") => $$"""
        {"Version":"2012-10-17","Statement":[
          {"Sid":"Owner","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{ownerAccount}}:root"},"Action":"kms:*","Resource":"*"},
          {"Sid":"Others","Effect":"Allow","Principal":{"AWS":{{principals}}},"Action":{{actions}},"Resource":"*"}]}
        """;

    /// <summary>Every document of the KMS collections of a region's store, as stored.</summary>
    public async Task<string> StoredTextAsync(string region = "us-east-1") =>
        await Regions.Get(region).Store.TransactAsync(async tx =>
        {
            var text = new StringBuilder();
            foreach (string collection in new[] { "kms-keys", "kms-aliases" })
            {
                foreach (StoredDocument doc in await tx.ListAsync(collection, DocumentQuery.All))
                {
                    text.AppendLine(doc.Json);
                }
            }

            return text.ToString();
        });
}
