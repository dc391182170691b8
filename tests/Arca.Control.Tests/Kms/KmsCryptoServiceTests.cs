using System.Text;
using Arca.Control.Errors;
using Arca.Control.Identity;
using Arca.Control.Kms;

namespace Arca.Control.Tests.Kms;

public sealed class KmsCryptoServiceTests
{
    private static readonly Dictionary<string, string> Context = new() { ["purpose"] = "test", ["vault"] = "v1" };

    [Fact]
    public async Task Decrypt_finds_the_key_from_the_ciphertext_and_needs_the_same_context_in_any_order()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        CiphertextResult encrypted = await f.Crypto.EncryptAsync(root, new EncryptRequest { KeyId = key.KeyId, Plaintext = "secret"u8.ToArray(), EncryptionContext = Context });
        Assert.Equal(key.Arn, encrypted.KeyArn);

        var reordered = new Dictionary<string, string> { ["vault"] = "v1", ["purpose"] = "test" };
        DecryptResult decrypted = await f.Crypto.DecryptAsync(root, new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob, EncryptionContext = reordered });
        Assert.Equal(("secret", key.Arn), (Encoding.UTF8.GetString(decrypted.Plaintext), decrypted.KeyArn));
        Assert.DoesNotContain("secret", decrypted.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<Dictionary<string, string>?> WrongContexts() => new()
    {
        null,
        new Dictionary<string, string> { ["purpose"] = "test" },
        new Dictionary<string, string> { ["purpose"] = "test", ["vault"] = "v2" },
        new Dictionary<string, string> { ["purpose"] = "test", ["vault"] = "v1", ["extra"] = "x" },
        new Dictionary<string, string> { ["Purpose"] = "test", ["vault"] = "v1" },
    };

    [Theory]
    [MemberData(nameof(WrongContexts))]
    public async Task Another_encryption_context_is_an_invalid_ciphertext(Dictionary<string, string>? context)
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        byte[] blob = await f.EncryptAsync(root, key.KeyId, context: Context);
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => f.DecryptAsync(root, blob, context));
        Assert.Equal(("InvalidCiphertextException", 400), (e.Code, e.HttpStatus));
    }

    [Fact]
    public async Task Every_altered_byte_and_every_truncation_is_an_invalid_ciphertext()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        byte[] blob = await f.EncryptAsync(root, key.KeyId, "tamper-evident", Context);
        for (int i = 0; i < blob.Length; i++)
        {
            byte[] altered = (byte[])blob.Clone();
            altered[i] ^= 0x01;
            var e = await Assert.ThrowsAsync<AwsServiceException>(() => f.DecryptAsync(root, altered, Context));
            Assert.Equal("InvalidCiphertextException", e.Code);
        }

        foreach (int length in new[] { 1, 17, 61, blob.Length - 1 })
        {
            var e = await Assert.ThrowsAsync<AwsServiceException>(() => f.DecryptAsync(root, blob[..length], Context));
            Assert.Equal("InvalidCiphertextException", e.Code);
        }

        Assert.Equal("tamper-evident", await f.DecryptAsync(root, blob, Context));
    }

    [Fact]
    public async Task A_ciphertext_moved_to_another_key_or_region_does_not_decrypt()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata first = await f.CreateKeyAsync(root);
        KeyMetadata second = await f.CreateKeyAsync(root);
        byte[] blob = await f.EncryptAsync(root, first.KeyId);

        byte[] moved = (byte[])blob.Clone();
        Assert.True(Guid.Parse(second.KeyId).TryWriteBytes(moved.AsSpan(1, 16), bigEndian: true, out _));
        Assert.Equal("InvalidCiphertextException", (await Assert.ThrowsAsync<AwsServiceException>(() => f.DecryptAsync(root, moved))).Code);
        Assert.Equal("InvalidCiphertextException", (await Assert.ThrowsAsync<AwsServiceException>(() => f.DecryptAsync(root with { Region = "eu-west-1" }, blob))).Code);

        var incorrect = await Assert.ThrowsAsync<AwsServiceException>(() => f.DecryptAsync(root, blob, keyId: second.KeyId));
        Assert.Equal(("IncorrectKeyException", 400), (incorrect.Code, incorrect.HttpStatus));
        Assert.Equal("hello", await f.DecryptAsync(root, blob, keyId: first.Arn));
    }

    [Fact]
    public async Task GenerateDataKey_returns_a_key_of_the_asked_length_whose_ciphertext_decrypts_to_it()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        foreach ((string? spec, int? bytes, int length) in new (string?, int?, int)[] { ("AES_256", null, 32), ("AES_128", null, 16), (null, 1, 1), (null, 1024, 1024) })
        {
            CiphertextResult result = await f.Crypto.GenerateDataKeyAsync(root, new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = spec, NumberOfBytes = bytes, EncryptionContext = Context });
            Assert.Equal(length, result.Plaintext!.Length);
            DecryptResult decrypted = await f.Crypto.DecryptAsync(root, new DecryptRequest { CiphertextBlob = result.CiphertextBlob, EncryptionContext = Context });
            Assert.Equal(result.Plaintext, decrypted.Plaintext);
        }

        CiphertextResult without = await f.Crypto.GenerateDataKeyWithoutPlaintextAsync(root, new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = "AES_256" });
        Assert.Null(without.Plaintext);
        Assert.Equal(32, (await f.Crypto.DecryptAsync(root, new DecryptRequest { CiphertextBlob = without.CiphertextBlob })).Plaintext.Length);
    }

    [Theory]
    [InlineData(null, null, "Please specify either number of bytes or key spec.")]
    [InlineData("AES_256", 32, "Please specify either number of bytes or key spec.")]
    [InlineData("AES_512", null, "Value 'AES_512' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]")]
    [InlineData(null, 1025, "Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024")]
    [InlineData(null, 0, "Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1")]
    public async Task GenerateDataKey_needs_exactly_one_valid_length(string? spec, int? bytes, string message)
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => f.Crypto.GenerateDataKeyAsync(root, new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = spec, NumberOfBytes = bytes }));
        Assert.Equal("ValidationException", e.Code);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task ReEncrypt_moves_a_ciphertext_to_another_key_and_context()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata source = await f.CreateKeyAsync(root);
        KeyMetadata destination = await f.CreateKeyAsync(root);
        byte[] blob = await f.EncryptAsync(root, source.KeyId, "moving", Context);
        var newContext = new Dictionary<string, string> { ["vault"] = "v2" };

        CiphertextResult result = await f.Crypto.ReEncryptAsync(root, new ReEncryptRequest
        {
            CiphertextBlob = blob,
            SourceEncryptionContext = Context,
            DestinationKeyId = destination.Arn,
            DestinationEncryptionContext = newContext,
        });
        Assert.Equal((destination.Arn, source.Arn), (result.KeyArn, result.SourceKeyArn));
        Assert.Equal("moving", await f.DecryptAsync(root, result.CiphertextBlob, newContext, destination.KeyId));
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => f.Crypto.ReEncryptAsync(root, new ReEncryptRequest { CiphertextBlob = blob, DestinationKeyId = destination.KeyId }));
        Assert.Equal("InvalidCiphertextException", e.Code);
    }

    [Theory]
    [InlineData(0, "Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1")]
    [InlineData(4097, "Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096")]
    public async Task A_plaintext_is_1_to_4096_bytes(int length, string message)
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => f.Crypto.EncryptAsync(root, new EncryptRequest { KeyId = key.KeyId, Plaintext = new byte[length] }));
        Assert.Equal("ValidationException", e.Code);
        Assert.Contains(message, e.Message);
        await f.Crypto.EncryptAsync(root, new EncryptRequest { KeyId = key.KeyId, Plaintext = new byte[4096] });
    }

    [Fact]
    public async Task Grant_tokens_algorithms_and_dry_runs_answer_as_aws()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        byte[] plaintext = "x"u8.ToArray();

        var grant = await Assert.ThrowsAsync<AwsServiceException>(() => f.Crypto.EncryptAsync(root, new EncryptRequest { KeyId = key.KeyId, Plaintext = plaintext, GrantTokens = ["token"] }));
        Assert.Equal("InvalidGrantTokenException", grant.Code);
        var rsa = await Assert.ThrowsAsync<AwsServiceException>(() => f.Crypto.EncryptAsync(root, new EncryptRequest { KeyId = key.KeyId, Plaintext = plaintext, EncryptionAlgorithm = "RSAES_OAEP_SHA_1" }));
        Assert.Equal("InvalidKeyUsageException", rsa.Code);
        var unknown = await Assert.ThrowsAsync<AwsServiceException>(() => f.Crypto.EncryptAsync(root, new EncryptRequest { KeyId = key.KeyId, Plaintext = plaintext, EncryptionAlgorithm = "AES" }));
        Assert.Contains("at 'encryptionAlgorithm'", unknown.Message);
        var dry = await Assert.ThrowsAsync<AwsServiceException>(() => f.Crypto.EncryptAsync(root, new EncryptRequest { KeyId = key.KeyId, Plaintext = plaintext, DryRun = true }));
        Assert.Equal(("DryRunOperationException", 412), (dry.Code, dry.HttpStatus));

        await f.Keys.DisableKeyAsync(root, key.KeyId);
        var disabledDryRun = await Assert.ThrowsAsync<AwsServiceException>(() => f.Crypto.EncryptAsync(root, new EncryptRequest { KeyId = key.KeyId, Plaintext = plaintext, DryRun = true }));
        Assert.Equal("DisabledException", disabledDryRun.Code);
    }

    [Fact]
    public async Task GenerateRandom_returns_the_asked_number_of_bytes()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        Assert.Equal(64, (await f.Crypto.GenerateRandomAsync(root, 64, null)).Length);
        Assert.Equal("ValidationException", (await Assert.ThrowsAsync<AwsServiceException>(() => f.Crypto.GenerateRandomAsync(root, null, null))).Code);
        Assert.Equal("UnsupportedOperationException", (await Assert.ThrowsAsync<AwsServiceException>(() => f.Crypto.GenerateRandomAsync(root, 8, "cks-1"))).Code);
    }

    [Fact]
    public async Task Key_material_is_stored_only_sealed_by_the_regions_master_key()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        await f.Aliases.CreateAliasAsync(root, "alias/sealed", key.KeyId);
        await f.EncryptAsync(root, key.KeyId);

        var record = await f.Regions.Get("us-east-1").Store.TransactAsync(tx => Control.Kms.Internal.KmsCollections.Keys.GetAsync(tx, key.KeyId));
        byte[] material = Control.Kms.Internal.KeyMaterial.Open(f.Regions.Get("us-east-1").MasterKey, key.Arn, record!.SealedMaterial);
        Assert.Equal(32, material.Length);
        Assert.DoesNotContain(record.SealedMaterial, record.ToString(), StringComparison.Ordinal);

        string stored = await f.StoredTextAsync();
        Assert.DoesNotContain(Convert.ToBase64String(material), stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(material), stored, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() =>
            Control.Kms.Internal.KeyMaterial.Open(f.Regions.Get("eu-west-1").MasterKey, key.Arn, record.SealedMaterial));
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() =>
            Control.Kms.Internal.KeyMaterial.Open(f.Regions.Get("us-east-1").MasterKey, key.Arn.Replace(key.KeyId, Guid.NewGuid().ToString(), StringComparison.Ordinal), record.SealedMaterial));
    }
}
