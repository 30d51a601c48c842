namespace Coco.InitData.Testing;

/// <summary>
/// The one way a test asks for a real program (python3, openssl, ...): its path when it runs here, or the test is
/// skipped with one line naming the program, why it cannot run and the Debian package (tests that call this are
/// [SkippableFact]/[SkippableTheory]).
/// </summary>
public static class Oracle
{
    /// <summary>The program's path, or a skip (Xunit.SkipException) naming the reason.</summary>
    public static string Require(string program)
    {
        if (RealTools.MissingReason(program) is { } reason)
        {
            throw new Xunit.SkipException(reason);
        }

        return RealTools.Find(program)!;
    }
}
