using System.Runtime.CompilerServices;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Exceptions;

namespace Coco.InitData.ProjectFiles;

/// <summary>
/// The project evaluated again, with the build's global properties, for the locations of its declarations. A task
/// gets items and property values but not where they were written; MSBuild's evaluation knows. Evaluated once, only
/// when the generation target runs (never on an up-to-date build).
/// </summary>
public sealed class ProjectEvaluation : IDisposable
{
    private readonly string _projectFile;
    private readonly IDictionary<string, string>? _globalProperties;
    // object, not ProjectCollection: this type must load where Microsoft.Build does not (see Locations).
    private object? _collection;
    private bool _evaluated;
    private ProjectLocations? _locations;

    /// <summary>Nothing is evaluated until <see cref="Locations"/> is first read.</summary>
    public ProjectEvaluation(string projectFile, IReadOnlyDictionary<string, string>? globalProperties)
    {
        _projectFile = Path.GetFullPath(projectFile);
        _globalProperties = globalProperties?.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The locations; null when the project could not be evaluated here (findings then name the file only).</summary>
    public ProjectLocations? Locations
    {
        get
        {
            if (!_evaluated)
            {
                _evaluated = true;
                try
                {
                    _locations = Evaluate();
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException)
                {
                    // A host without MSBuild's evaluation engine (a unit test's fake build engine): no locations.
                    _locations = null;
                }
            }

            return _locations;
        }
    }

    /// <summary>Unloads the evaluated project, if there is one.</summary>
    public void Dispose()
    {
        if (_collection is not null)
        {
            Unload(_collection);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Unload(object collection)
    {
        var projects = (ProjectCollection)collection;
        projects.UnloadAllProjects();
        projects.Dispose();
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // Microsoft.Build is resolved when this is compiled, inside the caller's try.
    private ProjectLocations? Evaluate()
    {
        try
        {
            var collection = new ProjectCollection(_globalProperties);
            _collection = collection;
            return new ProjectLocations(collection.LoadProject(_projectFile));
        }
        catch (Exception e) when (e is InvalidProjectFileException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // A location is a courtesy: without it every finding still names its file.
            return null;
        }
    }
}
