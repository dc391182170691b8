using System.Text.Json.Serialization;

namespace Arca.Api.Endpoints.Organizations;

/// <summary>The wire JSON of Organizations' policy operations (awsJson1.1): member names as in the model, nulls left out.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreatePolicyInput))]
[JsonSerializable(typeof(UpdatePolicyInput))]
[JsonSerializable(typeof(PolicyIdInput))]
[JsonSerializable(typeof(ListPoliciesInput))]
[JsonSerializable(typeof(PolicyOutput))]
[JsonSerializable(typeof(ListPoliciesOutput))]
[JsonSerializable(typeof(PolicyTargetInput))]
[JsonSerializable(typeof(ListPoliciesForTargetInput))]
[JsonSerializable(typeof(ListTargetsForPolicyInput))]
[JsonSerializable(typeof(ListTargetsForPolicyOutput))]
[JsonSerializable(typeof(PolicyTypeInput))]
[JsonSerializable(typeof(RootOutput))]
[JsonSerializable(typeof(DescribeEffectivePolicyInput))]
[JsonSerializable(typeof(EffectivePolicyOutput))]
[JsonSerializable(typeof(ProvenanceInput))]
[JsonSerializable(typeof(ProvenanceOutput))]
internal sealed partial class OrganizationPoliciesJson : JsonSerializerContext;
