namespace Arca.Domain.Arns;

/// <summary>
/// Validation of AWS-style account identifiers: exactly twelve ASCII digits (<c>^[0-9]{12}$</c>).
/// </summary>
public static class AccountId
{
    /// <summary>The number of digits in an account id.</summary>
    public const int Length = 12;

    /// <summary>Returns whether <paramref name="value"/> is exactly twelve ASCII digits.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != Length)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="value"/> is a valid account id.</summary>
    /// <param name="value">The candidate account id.</param>
    /// <param name="paramName">The parameter name reported in the exception.</param>
    public static void Validate(string? value, string paramName)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException($"'{value}' is not a 12-digit account id", paramName);
        }
    }
}
