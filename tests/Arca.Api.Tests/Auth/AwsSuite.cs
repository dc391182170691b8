using Arca.Api.Auth;

namespace Arca.Api.Tests.Auth;

/// <summary>
/// AWS's Signature Version 4 test suite ("aws-sig-v4-test-suite"), as published with the AWS General
/// Reference and kept in awslabs/aws-c-auth (tests/aws-signing-test-suite/v4). "normalized" cases
/// use the standard flavor, "unnormalized" ones the S3 flavor (no path normalization). The last
/// cases are the older suite's variants whose bodies are signed without X-Amz-Content-SHA256.
/// </summary>
public static class AwsSuite
{
    private const string Host = "example.amazonaws.com";
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private const string StsToken = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";
    private const string VanillaSignature = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
    private const string VanillaStsHash = "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63";
    private const string PostSignature = "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b";
    private const string PostStsHash = "553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87";
    private const string PostQuerySignature = "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11";
    private const string PostQueryStsHash = "9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd";
    private const string Unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static readonly AwsSuiteCase[] Cases =
    [
        Get("get-header-key-duplicate", "/", [("My-Header1", "value2"), ("My-Header1", "value2"), ("My-Header1", "value1")],
            "host;my-header1;x-amz-date", Creq("GET", "/", "", "my-header1:value2,value2,value1\n", "host;my-header1;x-amz-date"),
            "dc7f04a3abfde8d472b0ab1a418b741b7c67174dad1551b4117b15527fbe966c", "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
        Get("get-header-value-multiline", "/", [("My-Header1", "value1\n  value2\n     value3")],
            "host;my-header1;x-amz-date", Creq("GET", "/", "", "my-header1:value1 value2 value3\n", "host;my-header1;x-amz-date"),
            "e99419459a677bc11de234014be3c4e72c1ea5b454ceb58b613061f5d7a162e8", "cfd34249e4b1c8d6b91ef74165d41a32e5fab3306300901bb65a51a73575eefd"),
        Get("get-header-value-order", "/", [("My-Header1", "value4"), ("My-Header1", "value1"), ("My-Header1", "value3"), ("My-Header1", "value2")],
            "host;my-header1;x-amz-date", Creq("GET", "/", "", "my-header1:value4,value1,value3,value2\n", "host;my-header1;x-amz-date"),
            "31ce73cd3f3d9f66977ad3dd957dc47af14df92fcd8509f59b349e9137c58b86", "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"),
        Get("get-header-value-trim", "/", [("My-Header1", " value1"), ("My-Header2", " \"a   b   c\"")],
            "host;my-header1;my-header2;x-amz-date",
            Creq("GET", "/", "", "my-header1:value1\nmy-header2:\"a b c\"\n", "host;my-header1;my-header2;x-amz-date"),
            "a726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
        Vanilla("get-relative-normalized", "/example/..", "/", SigV4Flavor.Standard, VanillaStsHash, VanillaSignature),
        Vanilla("get-relative-relative-normalized", "/example1/example2/../..", "/", SigV4Flavor.Standard, VanillaStsHash, VanillaSignature),
        Vanilla("get-relative-relative-unnormalized", "/example1/example2/../..", "/example1/example2/../..", SigV4Flavor.S3,
            "76115030c0f3ff06c20fdff5ceb6d5e0b835a1743e00b94fea7c7f381269437b", "dc33e0856fd4baca4d7aa2146c38958283844764f38c74252a333df5e613003b"),
        Vanilla("get-relative-unnormalized", "/example/..", "/example/..", SigV4Flavor.S3,
            "0511f456aa502b456d135fcb9d749374a55228f9dbeedda1eacf659e05b0615b", "eca7ead57bb5aa5c8e28007acd4ff04e1ff9a0ff3b237ec1554a184887ff9282"),
        Vanilla("get-slash-dot-slash-normalized", "/./", "/", SigV4Flavor.Standard, VanillaStsHash, VanillaSignature),
        Vanilla("get-slash-dot-slash-unnormalized", "/./", "/./", SigV4Flavor.S3,
            "d67825e2268bd77a97c7688b8d72c31a3c1855b309808505ba0a9747d2465aa7", "68714168e6557f8f2de0ef956fc24dc2593a4bd2961f8df51898d8a134695145"),
        Vanilla("get-slash-normalized", "//", "/", SigV4Flavor.Standard, VanillaStsHash, VanillaSignature),
        Vanilla("get-slash-pointless-dot-normalized", "/./example", "/example", SigV4Flavor.Standard,
            "214d50c111a8edc4819da6a636336472c916b5240f51e9a51b5c3305180cf702", "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5"),
        Vanilla("get-slash-pointless-dot-unnormalized", "/./example", "/./example", SigV4Flavor.S3,
            "73895e0e829507e28e39fd24669aedc2434a8e179e547e3c075b42921f952cdb", "beb03f223f7deae4146464f06e29eebbee9c8afbe15c290cf07aa8b119e14cff"),
        Vanilla("get-slash-unnormalized", "//", "//", SigV4Flavor.S3,
            "80cb39203d058af815de2b79250ff56e1b73eb9b4718c86556cdc6f150c5d209", "c88bcd3d312d75078c0cd961d6deae3f4c754924b01669efcfcb439fd5e5b76e"),
        Vanilla("get-slashes-normalized", "//example//", "/example/", SigV4Flavor.Standard,
            "cb96b4ac96d501f7c5c15bc6d67b3035061cfced4af6585ad927f7e6c985c015", "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"),
        Vanilla("get-slashes-unnormalized", "//example//", "//example//", SigV4Flavor.S3,
            "528ec3105ee1f34ab014bb0a1a45da0ed2742a4fea3555149e5b4d5d201eb240", "87cca117541a147f6df867677d98a7d80dff226d2bfca9e4ffa899665623c7e5"),
        Vanilla("get-space-normalized", "/example space/", "/example%20space/", SigV4Flavor.Standard,
            "63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86", "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
        Vanilla("get-space-unnormalized", "/example space/", "/example%20space/", SigV4Flavor.S3,
            "63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86", "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
        Vanilla("get-unreserved", "/" + Unreserved, "/" + Unreserved, SigV4Flavor.Standard,
            "6a968768eefaa713e2a6b16b589a8ea192661f098f37349f4e2c0082757446f9", "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
        Vanilla("get-utf8", "/\u1234", "/%E1%88%B4", SigV4Flavor.Standard,
            "2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac42102", "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
        Vanilla("get-vanilla", "/", "/", SigV4Flavor.Standard, VanillaStsHash, VanillaSignature),
        Query("GET", "get-vanilla-empty-query-key", "/?Param1=value1", "Param1=value1",
            "1e24db194ed7d0eec2de28d7369675a243488e08526e8c1c73571282f7c517ab", "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"),
        Query("GET", "get-vanilla-query-order-encoded", "/?Param-3=Value3&Param=Value2&%E1%88%B4=Value1",
            "%E1%88%B4=Value1&Param=Value2&Param-3=Value3",
            "868294f5c38bd141c4972a373a76654f1418a8e4fc18b2e7903ae45e8ae0ec71", "371d3713e185cc334048618a97f809c9ffe339c62934c032af5a0e595648fcac"),
        Query("GET", "get-vanilla-query-order-key-case", "/?Param2=value2&Param1=value1", "Param1=value1&Param2=value2",
            "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        Query("GET", "get-vanilla-query-unreserved", $"/?{Unreserved}={Unreserved}", $"{Unreserved}={Unreserved}",
            "c30d4703d9f799439be92736156d47ccfb2d879ddf56f5befa6d1d6aab979177", "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
        Query("GET", "get-vanilla-utf8-query", "/?\u1234=bar", "%E1%88%B4=bar",
            "eb30c5bed55734080471a834cc727ae56beb50e5f39d1bff6d0d38cb192a7073", "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
        new("get-vanilla-with-session-token", "GET", "/", [("Host", Host)], "", SigV4Flavor.Standard,
            "host;x-amz-date;x-amz-security-token",
            Creq("GET", "/", "", "x-amz-security-token:6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267\n",
                "host;x-amz-date;x-amz-security-token", afterDate: true),
            "067b36aa60031588cea4a4cde1f21215227a047690c72247f1d70b32fbbfad2b", "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8")
        {
            Token = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267",
        },
        Post("post-header-key-case", [], "host;x-amz-date", "", PostStsHash, PostSignature),
        Post("post-header-key-sort", [("My-Header1", "value1")], "host;my-header1;x-amz-date", "my-header1:value1\n",
            "9368318c2967cf6de74404b30c65a91e8f6253e0a8659d6d5319f1a812f87d65", "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"),
        Post("post-header-value-case", [("My-Header1", "VALUE1")], "host;my-header1;x-amz-date", "my-header1:VALUE1\n",
            "d51ced243e649e3de6ef63afbbdcbca03131a21a7103a1583706a64618606a93", "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"),
        new("post-sts-header-before", "POST", "/", [("Host", Host)], "", SigV4Flavor.Standard, "host;x-amz-date;x-amz-security-token",
            Creq("POST", "/", "", $"x-amz-security-token:{StsToken}\n", "host;x-amz-date;x-amz-security-token", afterDate: true),
            "c237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6", "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead")
        {
            Token = StsToken,
        },
        Post("post-vanilla", [], "host;x-amz-date", "", PostStsHash, PostSignature),
        Query("POST", "post-vanilla-empty-query-value", "/?Param1=value1", "Param1=value1", PostQueryStsHash, PostQuerySignature),
        Query("POST", "post-vanilla-query", "/?Param1=value1", "Param1=value1", PostQueryStsHash, PostQuerySignature),
        Form("post-x-www-form-urlencoded", "application/x-www-form-urlencoded",
            "b1edd1d03544c25390e32085d55b57acc9a3961bb59415ff86c45c3d89d16cfb", "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b"),
        Form("post-x-www-form-urlencoded-parameters", "application/x-www-form-urlencoded; charset=utf-8",
            "a89f1a5b53e37702ee6363ce1da3ce8f54386f3c8f352ae652153c2982a0bc4d", "328d1b9eaadca9f5818ef05e8392801e091653bafec24fcab71e7344e7f51422"),
        new("post-x-www-form-urlencoded (2015 suite)", "POST", "/",
            [("Content-Type", "application/x-www-form-urlencoded"), ("Host", Host)], "Param1=value1", SigV4Flavor.Standard,
            "content-type;host;x-amz-date", null, null, "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
        new("post-x-www-form-urlencoded-parameters (2015 suite)", "POST", "/",
            [("Content-Type", "application/x-www-form-urlencoded; charset=utf8"), ("Host", Host)], "Param1=value1", SigV4Flavor.Standard,
            "content-type;host;x-amz-date", null, null, "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe"),
        new("post-vanilla-query-nonunreserved (2015 suite)", "POST", "/?@#$%^&+=/,?><`\";:\\|][{}", [("Host", Host)], "",
            SigV4Flavor.Standard, "host;x-amz-date",
            Creq("POST", "/", "%2B=%2F%2C%3F%3E%3C%60%22%3B%3A%5C%7C%5D%5B%7B%7D&%40%23%24%25%5E=", "", "host;x-amz-date"),
            null, "66c82657c86e26fb25238d0e69f011edc4c6df5ae71119d7cb98ed9b87393c1e"),
    ];

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    public static TheoryData<string> NamesWithCanonicalRequest() => [.. Cases.Where(c => c.CanonicalRequest is not null).Select(c => c.Name)];

    public static AwsSuiteCase Case(string name) => Cases.Single(c => c.Name == name);

    private static AwsSuiteCase Get(string name, string target, (string, string)[] extra, string signed, string creq, string sts, string signature) =>
        new(name, "GET", target, [("Host", Host), .. extra], "", SigV4Flavor.Standard, signed, creq, sts, signature);

    private static AwsSuiteCase Post(string name, (string, string)[] extra, string signed, string headers, string sts, string signature) =>
        new(name, "POST", "/", [("Host", Host), .. extra], "", SigV4Flavor.Standard, signed, Creq("POST", "/", "", headers, signed), sts, signature);

    private static AwsSuiteCase Vanilla(string name, string target, string uri, SigV4Flavor flavor, string sts, string signature) =>
        new(name, "GET", target, [("Host", Host)], "", flavor, "host;x-amz-date", Creq("GET", uri, "", "", "host;x-amz-date"), sts, signature);

    private static AwsSuiteCase Query(string method, string name, string target, string query, string sts, string signature) =>
        new(name, method, target, [("Host", Host)], "", SigV4Flavor.Standard, "host;x-amz-date",
            Creq(method, "/", query, "", "host;x-amz-date"), sts, signature);

    private static AwsSuiteCase Form(string name, string contentType, string sts, string signature)
    {
        const string BodyHash = "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e";
        const string Signed = "content-length;content-type;host;x-amz-content-sha256;x-amz-date";
        string creq = $"POST\n/\n\ncontent-length:13\ncontent-type:{contentType}\nhost:{Host}\nx-amz-content-sha256:{BodyHash}\n"
            + $"x-amz-date:{AwsSuiteCase.AmzDate}\n\n{Signed}\n{BodyHash}";
        return new(name, "POST", "/", [("Content-Type", contentType), ("Host", Host), ("Content-Length", "13")], "Param1=value1",
            SigV4Flavor.Standard, Signed, creq, sts, signature)
        { SignBody = true };
    }

    /// <summary>A canonical request whose only headers are host, the given ones and x-amz-date (before or after them).</summary>
    private static string Creq(string method, string uri, string query, string headers, string signed, bool afterDate = false)
    {
        string date = $"x-amz-date:{AwsSuiteCase.AmzDate}\n";
        string block = afterDate ? $"host:{Host}\n{date}{headers}" : $"host:{Host}\n{headers}{date}";
        return $"{method}\n{uri}\n{query}\n{block}\n{signed}\n{EmptyHash}";
    }
}
