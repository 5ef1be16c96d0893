using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace FhirFacade.Audit.Sqlite;

/// <summary>
/// Flushes a connection's main database file to disk through SQLite's own file handle, outside any
/// checkpoint. <see cref="SqliteWalCheckpointer"/> uses it so that the database pages a background
/// checkpoint wrote are already on disk when the writer finishes the checkpoint.
/// </summary>
/// <remarks>
/// <para>Why: a <c>PASSIVE</c> checkpoint fsyncs the database file only when no commit arrived while it
/// copied, which under steady load is never. The fsync of every page it wrote was therefore left to
/// the writer's finishing checkpoint, on the commit path: 1.6–1.8 ms, with requests waiting.</para>
/// <para>How: <c>sqlite3_file_control(SQLITE_FCNTL_FILE_POINTER)</c> gives the connection's
/// <c>sqlite3_file</c>, whose first member points at its <c>sqlite3_io_methods</c>; <c>xSync</c> is the
/// fifth function there. Both structures are SQLite's public, versioned VFS interface
/// (<see href="https://www.sqlite.org/c3ref/io_methods.html"/>). Using SQLite's own handle, rather than
/// opening the file again, matters: closing a second descriptor of the file would drop every POSIX lock
/// this process holds on it (<see href="https://www.sqlite.org/howtocorrupt.html#_posix_advisory_locks_canceled_by_a_separate_thread_doing_close_"/>).</para>
/// <para>Only for the bundled <c>e_sqlite3</c> library (the one <c>Microsoft.Data.Sqlite</c> is built
/// with here): with any other native SQLite this reports <see langword="false"/> and does nothing, and the
/// writer's checkpoint syncs everything itself as before. Call it only while no statement of the
/// connection is running.</para>
/// </remarks>
internal static class SqliteDatabaseFileSync
{
    private const string BundledLibrary = "e_sqlite3";
    private const int FileControlFilePointer = 7;
    private const int SyncNormal = 2;
    private const int SqliteOk = 0;

    // sqlite3_io_methods: int iVersion, then xClose, xRead, xWrite, xTruncate, xSync, ... (pointer-aligned).
    private static readonly int SyncMethodOffset = 5 * IntPtr.Size;

    private static readonly Lazy<FileControl?> FileControlFunction = new(LoadFileControl);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int FileControl(IntPtr db, [MarshalAs(UnmanagedType.LPUTF8Str)] string databaseName, int op, out IntPtr file);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int XSync(IntPtr file, int flags);

    /// <summary>
    /// Fsyncs <paramref name="connection"/>'s main database file. <see langword="false"/> when it could not
    /// (not the bundled library, not open, or the VFS reported an error); never throws for that.
    /// </summary>
    public static bool TrySync(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (FileControlFunction.Value is not { } fileControl || connection.Handle is not { IsInvalid: false } handle)
        {
            return false;
        }

        if (fileControl(handle.DangerousGetHandle(), "main", FileControlFilePointer, out var file) != SqliteOk || file == IntPtr.Zero)
        {
            return false;
        }

        var methods = Marshal.ReadIntPtr(file);
        var sync = methods == IntPtr.Zero ? IntPtr.Zero : Marshal.ReadIntPtr(methods, SyncMethodOffset);
        return sync != IntPtr.Zero && Marshal.GetDelegateForFunctionPointer<XSync>(sync)(file, SyncNormal) == SqliteOk;
    }

    // The same native library SQLitePCL loaded for Microsoft.Data.Sqlite, resolved the way it resolves it.
    private static FileControl? LoadFileControl()
    {
        if (!string.Equals(SQLitePCL.raw.GetNativeLibraryName(), BundledLibrary, StringComparison.Ordinal)
            || !NativeLibrary.TryLoad(BundledLibrary, typeof(SQLitePCL.raw).Assembly, searchPath: null, out var library)
            || !NativeLibrary.TryGetExport(library, "sqlite3_file_control", out var export))
        {
            return null;
        }

        return Marshal.GetDelegateForFunctionPointer<FileControl>(export);
    }
}
