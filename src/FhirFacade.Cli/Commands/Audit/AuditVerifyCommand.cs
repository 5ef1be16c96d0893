using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using FhirFacade.Audit;
using FhirFacade.Core.Audit;

namespace FhirFacade.Cli.Commands.Audit;

/// <summary>
/// <c>fhirfacade audit verify --sqlite PATH | --postgres CONNSTR</c>: walks the audit hash chain and
/// prints OK with the count, or the first break. Exit codes: 0 intact, 1 broken, 2 store unreachable.
/// </summary>
internal static class AuditVerifyCommand
{
    public const int ExitBroken = 1;
    public const int ExitUnavailable = 2;

    public static Command Create()
    {
        var store = new AuditStoreArguments();
        var command = new Command("verify", "Verify the audit trail's hash chain: prints OK with the count or the first break (exit code 1).");
        store.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var options = store.ToOptions(parseResult);
            if (options.Store == AuditStoreKind.Sqlite && !File.Exists(options.SqlitePath))
            {
                await error.WriteLineAsync($"error: no audit database at {options.SqlitePath}");
                return ExitUnavailable;
            }

            await using var auditStore = AuditStores.Create(options, TimeProvider.System);
            AuditChainVerification result;
            try
            {
                result = await AuditChainVerifier.VerifyAsync(auditStore, cancellationToken);
            }
            catch (Exception exception) when (exception is AuditUnavailableException or DbException)
            {
                await error.WriteLineAsync($"error: the audit store cannot be read ({exception.Message})");
                return ExitUnavailable;
            }

            var count = result.Count.ToString(CultureInfo.InvariantCulture);
            if (result.Break is { } chainBreak)
            {
                await output.WriteLineAsync(
                    $"BROKEN at sequence {chainBreak.Sequence.ToString(CultureInfo.InvariantCulture)} ({chainBreak.Kind}): {chainBreak.Description}");
                await output.WriteLineAsync($"{count} record(s) verified before the break.");
                return ExitBroken;
            }

            await output.WriteLineAsync($"OK: {count} record(s), chain head {result.LastHash}");
            return 0;
        });
        return command;
    }
}
