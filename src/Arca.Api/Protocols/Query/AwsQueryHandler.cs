using System.Xml.Linq;

namespace Arca.Api.Protocols.Query;

/// <summary>
/// An awsQuery operation: returns the children of <c>&lt;ActionResult&gt;</c> (elements without a namespace;
/// the service's namespace is applied when written), or null for operations without output.
/// </summary>
public delegate Task<IReadOnlyList<XElement>?> AwsQueryHandler(AwsQueryRequest request);
