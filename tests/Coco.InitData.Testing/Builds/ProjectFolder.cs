namespace Coco.InitData.Testing;

/// <summary>
/// A throwaway project in a temp folder: its name, its project file, and files written beside it. The tests' projects
/// differ only in how they are built (<see cref="WorkloadProject"/>: the SDK and build/ from source through `dotnet
/// build`; an SDK-less project built in-process for the targets' tests; a consumer of the packed package), so each
/// adds its project text and its build to this.
/// </summary>
public abstract class ProjectFolder : IDisposable
{
    private readonly TempDirectory _directory;
    private readonly string _extension;

    /// <param name="prefix">The temp folder's name prefix, which says in /tmp which kind of test left it.</param>
    /// <param name="name">The project's name: its file name without the extension.</param>
    /// <param name="extension">The project file's extension.</param>
    protected ProjectFolder(string prefix, string name, string extension = ".csproj")
    {
        _directory = new TempDirectory(prefix);
        _extension = extension;
        Name = name;
    }

    /// <summary>The project's name.</summary>
    public string Name { get; }

    /// <summary>The project's folder.</summary>
    public string Directory => _directory.Path;

    /// <summary>The project file.</summary>
    public string ProjectPath => Path.Combine(Directory, Name + _extension);

    /// <summary>Writes a file under the project folder; returns its full path.</summary>
    public string Write(string relativePath, string content) => _directory.Write(relativePath, content);

    /// <summary>Writes the project file itself.</summary>
    protected string WriteProjectFile(string content) => Write(Name + _extension, content);

    /// <inheritdoc />
    public void Dispose()
    {
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }
}
