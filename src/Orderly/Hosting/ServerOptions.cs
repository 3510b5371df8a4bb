using Orderly.Data.Storage;

namespace Orderly.Hosting;

/// <summary>What a server instance is started with: the command line and tests build one each.</summary>
public sealed record ServerOptions(DatabaseSettings Database)
{
    /// <summary>Seed the demo distributor when the database is empty (on by default for the embedded database).</summary>
    public bool SeedDemoWhenEmpty { get; init; } = Database.IsEmbedded;

    /// <summary>One password for every demo user, instead of random ones; for scripted demos and tests.</summary>
    public string? DemoPassword { get; init; }

    /// <summary>Sign-in attempts allowed per client address per minute, on top of Identity's lockout.</summary>
    public int SignInAttemptsPerMinute { get; init; } = 10;

    /// <summary>Send every log line to standard error (commands whose standard output is their answer).</summary>
    public bool LogToStandardError { get; init; }

    /// <summary>The actor the audit log records for changes made outside a request.</summary>
    public string ActorOutsideRequest { get; init; } = "system";

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where start-up messages meant for a person go (the demo users and their passwords).</summary>
    public TextWriter Console { get; init; } = System.Console.Out;
}
