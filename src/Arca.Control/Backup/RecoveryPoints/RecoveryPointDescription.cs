using Arca.Domain.Plans;

namespace Arca.Control.Backup.RecoveryPoints;

/// <summary>A recovery point as DescribeRecoveryPoint and the listings show it.</summary>
/// <param name="RecoveryPoint">The catalog entry.</param>
/// <param name="CalculatedLifecycle">Its lifecycle's instants, from its creation date.</param>
/// <param name="EncryptionKeyType">Its vault's key type (CUSTOMER_MANAGED_KMS_KEY or AWS_OWNED_KMS_KEY).</param>
public sealed record RecoveryPointDescription(RecoveryPointRecord RecoveryPoint, CalculatedLifecycle CalculatedLifecycle, string EncryptionKeyType);
