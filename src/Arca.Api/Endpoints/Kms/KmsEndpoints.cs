using Arca.Api.Protocols.AwsJson;

namespace Arca.Api.Endpoints.Kms;

/// <summary>
/// Every KMS operation Arca implements (docs/design/kms.md §1), one endpoint class per resource. The model's other
/// operations answer <c>UnsupportedOperationException</c> naming them (<see cref="AwsJsonService"/>).
/// </summary>
internal static class KmsEndpoints
{
    public static void Map(AwsJsonService kms)
    {
        ArgumentNullException.ThrowIfNull(kms);
        KeyEndpoints.Map(kms);
        KeyPolicyEndpoints.Map(kms);
        AliasEndpoints.Map(kms);
        KeyTagEndpoints.Map(kms);
        CryptoEndpoints.Map(kms);
    }
}
