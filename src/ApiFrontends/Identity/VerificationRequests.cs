namespace GxProtocol.ApiFrontends.Identity;

/// <summary>A one-time code as the message gave it: six digits.</summary>
public sealed record ConfirmCodeRequest(string Code);

public sealed record PasswordResetRequest(string Email);

public sealed record PasswordResetConfirmRequest(string Email, string Code, string NewPassword);
