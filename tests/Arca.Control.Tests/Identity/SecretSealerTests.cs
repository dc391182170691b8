using System.Security.Cryptography;
using Arca.Control.Identity;

namespace Arca.Control.Tests.Identity;

public sealed class SecretSealerTests
{
    private readonly SecretSealer _sealer = new(MasterKey.Generate());

    [Fact]
    public void A_sealed_secret_opens_in_its_context_only()
    {
        string sealedSecret = _sealer.Seal("wJalrXUtnFEMI/K7MDENG", "access-key-secret:AKIA1");
        Assert.DoesNotContain("wJalr", sealedSecret);
        Assert.Equal("wJalrXUtnFEMI/K7MDENG", _sealer.Unseal(sealedSecret, "access-key-secret:AKIA1"));
        Assert.Throws<CryptographicException>(() => _sealer.Unseal(sealedSecret, "access-key-secret:AKIA2"));
        Assert.Throws<CryptographicException>(() => new SecretSealer(MasterKey.Generate()).Unseal(sealedSecret, "access-key-secret:AKIA1"));
    }

    [Fact]
    public void An_altered_or_foreign_value_does_not_open()
    {
        string sealedSecret = _sealer.Seal("s", "c");
        char[] chars = sealedSecret.ToCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        Assert.Throws<CryptographicException>(() => _sealer.Unseal(new string(chars), "c"));
        Assert.Throws<CryptographicException>(() => _sealer.Unseal("plain", "c"));
        Assert.Throws<CryptographicException>(() => _sealer.Unseal("v1.!!!", "c"));
    }
}
