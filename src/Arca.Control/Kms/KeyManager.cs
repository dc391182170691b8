namespace Arca.Control.Kms;

/// <summary>Who manages a key: the customer, or AWS (the AWS-managed key <c>alias/aws/backup</c>).</summary>
public enum KeyManager
{
    /// <summary>A customer managed key (<c>CUSTOMER</c> on the wire).</summary>
    Customer,

    /// <summary>An AWS-managed key (<c>AWS</c> on the wire): created by Arca on first use, its policy fixed, never usable by another account.</summary>
    Aws,
}
