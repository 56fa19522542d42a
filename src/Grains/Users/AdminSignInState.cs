namespace GxProtocol.Grains.Users;

/// <summary>
/// What <see cref="AdminSignInGrain"/> keeps. The TOTP secret lives only here (grain storage, never in a read model),
/// and no grain method returns it after the enrolment answer; backup codes are kept as SHA-256 hashes.
/// </summary>
[GenerateSerializer, Alias("gx.AdminSignInState")]
public sealed class AdminSignInState
{
    /// <summary>The confirmed secret (raw key bytes); null when not enrolled.</summary>
    [Id(0)] public byte[]? Secret { get; set; }

    /// <summary>A secret handed out by an enrolment that no code has confirmed yet.</summary>
    [Id(1)] public byte[]? PendingSecret { get; set; }

    [Id(2)] public List<string> BackupCodeHashes { get; set; } = [];
    [Id(3)] public List<string> PendingBackupCodeHashes { get; set; } = [];

    /// <summary>The last TOTP time step accepted: a code of this step or an earlier one is refused (replay).</summary>
    [Id(4)] public long LastUsedStep { get; set; } = -1;

    [Id(5)] public DateTimeOffset? EnrolledAt { get; set; }
    [Id(6)] public int Failures { get; set; }
    [Id(7)] public DateTimeOffset? LockedUntil { get; set; }
}
