namespace Coco.InitData.Testing;

/// <summary>
/// The repository as a fresh clone has it: the tracked files and new ones not yet committed (never bin/, obj/ or
/// artifacts/), in a git repository of one commit, because the package version comes from git (MinVer) and a
/// folder outside git packs with a warning.
/// </summary>
public static class CleanCheckout
{
    /// <summary>Copies the repository into <paramref name="destination"/> and commits it there; returns the folder.</summary>
    public static string Create(string destination)
    {
        var files = ProcessRunner.Run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], RepositoryPaths.Root);
        if (files.ExitCode != 0)
        {
            throw new InvalidOperationException("git ls-files failed:\n" + files.Output);
        }

        foreach (var relative in files.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(RepositoryPaths.Root, relative);
            if (!File.Exists(source))
            {
                continue; // deleted in the work tree, not yet committed
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        Git(destination, "init", "-q");
        Commit(destination, "clean checkout");
        return destination;
    }

    /// <summary>Commits everything in <paramref name="checkout"/> (an empty commit when nothing changed): one more commit of height.</summary>
    public static void Commit(string checkout, string message)
    {
        Git(checkout, "add", "-A");
        Git(checkout, "-c", "user.name=Coco.InitData tests", "-c", "user.email=tests@example.invalid", "commit", "-q", "--allow-empty", "--no-gpg-sign", "-m", message);
    }

    /// <summary>Runs git in <paramref name="checkout"/>, failing with its output.</summary>
    public static void Git(string checkout, params string[] arguments)
    {
        var result = ProcessRunner.Run("git", arguments, checkout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed:\n{result.Output}");
        }
    }
}
