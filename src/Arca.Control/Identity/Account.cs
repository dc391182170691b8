namespace Arca.Control.Identity;

/// <summary>An account: an isolated tenant with a 12-digit id (DESIGN.md §1).</summary>
/// <param name="Id">Twelve digits, random, unique.</param>
/// <param name="Name">The account name (1–50 characters).</param>
/// <param name="Email">The account's email address, unique among accounts (case-insensitive).</param>
/// <param name="CreatedAt">When the account was created.</param>
public sealed record Account(string Id, string Name, string Email, DateTimeOffset CreatedAt);
