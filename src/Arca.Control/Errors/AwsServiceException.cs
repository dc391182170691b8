namespace Arca.Control.Errors;

/// <summary>
/// An AWS-shaped error: the error code clients match on (<c>ResourceNotFoundException</c>,
/// <c>AccessDeniedException</c>…), the HTTP status, and a message that names the field or
/// resource. The edge renders it in the protocol's error shape; nothing else reaches clients.
/// </summary>
public class AwsServiceException : Exception
{
    public AwsServiceException()
        : this("InternalFailure", "internal failure", 500)
    {
    }

    public AwsServiceException(string message)
        : this("InternalFailure", message, 500)
    {
    }

    public AwsServiceException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Code = "InternalFailure";
        HttpStatus = 500;
    }

    public AwsServiceException(string code, string message, int httpStatus)
        : base(message)
    {
        Code = code;
        HttpStatus = httpStatus;
    }

    /// <summary>The error code, without namespace (e.g. <c>ResourceNotFoundException</c>).</summary>
    public string Code { get; }

    public int HttpStatus { get; }

    /// <summary>True for client errors (4xx): the sender must change the request.</summary>
    public bool IsSenderFault => HttpStatus < 500;
}
