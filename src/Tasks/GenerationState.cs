using System.Text;
using System.Xml;
using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;
using Microsoft.Build.Evaluation;

namespace Coco.InitData.Tasks;

/// <summary>
/// What the next build compares with, beside the project's other intermediate files:
/// <list type="bullet">
/// <item><c>obj/&lt;project&gt;.initdata.state.props</c>, an MSBuild file the targets import at evaluation, so that a
/// build with nothing to do gets the last generation's digest, input files, written files and <c>FileWrites</c> without
/// a task or a target that reads a file;</item>
/// <item>the stamp, an empty file named by the targets' hash of every setting
/// (<c>&lt;project&gt;.initdata.&lt;hash&gt;.stamp</c>): one of the generation target's outputs, so a change of settings
/// is a missing output.</item>
/// </list>
/// Both are written by the task after a successful generation only, the state through a temporary file and a rename and
/// the stamp last: a failed or interrupted run leaves no stamp for its settings, and the next build generates again.
/// </summary>
internal static class GenerationState
{
    /// <summary>How far back the state file is dated (see <see cref="Write"/>).</summary>
    public const int BackdatedYears = 30;

    /// <summary>What a stamp's name ends with.</summary>
    public const string StampExtension = ".stamp";

    /// <summary>
    /// Renders the state file: UTF-8 without BOM, '\n' line ends, values escaped for XML and then by MSBuild's own
    /// <see cref="ProjectCollection.Escape"/> (a ';' in a path stays one item, a '$' stays a '$').
    /// </summary>
    /// <param name="stamp">The stamp's file name, beside the state file.</param>
    /// <param name="digest">The document's digest; null when nothing was written (nothing declared).</param>
    /// <param name="outputFolder">The folder the artifacts went to (full path).</param>
    /// <param name="inputFiles">Every file the generation read (full paths).</param>
    /// <param name="writtenFiles">Every artifact written (full paths).</param>
    public static byte[] Render(string stamp, string? digest, string outputFolder, IEnumerable<string> inputFiles, IEnumerable<string> writtenFiles)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true };
        var wroteArtifacts = digest is not null;
        var setFiles = SetFiles(outputFolder);
        using (var xml = XmlWriter.Create(text, settings))
        {
            xml.WriteStartElement("Project");
            xml.WriteComment(" Written by Coco.InitData after each generation; read by the next build. Deleting it makes the next build generate again. ");
            // Lists are properties and single items, not an element per file: every item an evaluation creates costs each
            // build of the project, and the target's Inputs split a list as well.
            xml.WriteStartElement("PropertyGroup");
            // Where the stamp is: a project without a state has none, so its generation target never finds its stamp.
            xml.WriteElementString("_InitDataStampFolder", "$(MSBuildThisFileDirectory)");
            xml.WriteElementString("_InitDataStateInputs", List(inputFiles));
            if (wroteArtifacts)
            {
                // The artifact set's own list (ArtifactWriter's): an output, so deleting it regenerates. Set only when the
                // generation wrote artifacts, which is how the build hook tells such a state from one that wrote nothing.
                xml.WriteElementString("_InitDataStateFileList", ProjectCollection.Escape(setFiles[0]));
                xml.WriteElementString("InitDataDigest", ProjectCollection.Escape(digest!));
            }

            xml.WriteEndElement();
            xml.WriteStartElement("ItemGroup");
            if (wroteArtifacts)
            {
                xml.WriteStartElement("InitDataGeneratedFile");
                xml.WriteAttributeString("Include", List(writtenFiles));
                xml.WriteEndElement();
            }

            // Listed for IncrementalClean and clean by the file itself: a build that runs no InitData target must still
            // name every file the last generation wrote, or IncrementalClean deletes them as orphans of the last build.
            var writes = new List<string> { "$(MSBuildThisFileFullPath)", "$(MSBuildThisFileDirectory)" + ProjectCollection.Escape(stamp) };
            if (wroteArtifacts)
            {
                writes.Add("@(InitDataGeneratedFile)");
                writes.AddRange(setFiles.Select(ProjectCollection.Escape));
            }

            xml.WriteStartElement("FileWrites");
            xml.WriteAttributeString("Include", string.Join(";", writes));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return Encoding.UTF8.GetBytes(text.Append('\n').ToString());
    }

    /// <summary>
    /// Writes the state file and then the stamp, and removes the project's stamps of earlier settings; a failure is a
    /// CID error on the file (the artifacts are written already). Returns what the build lists in <c>FileWrites</c>
    /// besides the artifacts, as the state file itself lists it: the state file, the stamp and, when artifacts were
    /// written, the set's list and lock file. Null on a failure.
    /// </summary>
    public static IReadOnlyList<string>? Write(string path, string stamp, string? digest, string outputFolder, IEnumerable<string> inputFiles, IEnumerable<string> writtenFiles, DiagnosticBag diagnostics)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            // obj/ may not exist yet when the artifacts go elsewhere (the first build of a project with no compile step).
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(MessageId.OutputWriteFailed, new SourceLocation(path), path, e.Message);
            return null;
        }

        // MSBuild counts the most recently written import of a project as an input of its compile (the evaluator puts
        // it in $(MSBuildAllProjects), which CoreCompile lists): a state file dated now would make the next build compile
        // the project again. Dated decades back, it never is that import; the date still changes with every write, so a
        // long-lived MSBuild node that cached the old content reads the new one.
        if (!ArtifactWriter.WriteFile(path, Render(stamp, digest, outputFolder, inputFiles, writtenFiles), diagnostics, DateTime.UtcNow.AddYears(-BackdatedYears)))
        {
            return null;
        }

        // The stamp is dated now: it is an output, newer than every input this generation read.
        var stampPath = Path.Combine(folder, stamp);
        if (!ArtifactWriter.WriteFile(stampPath, Array.Empty<byte>(), diagnostics))
        {
            return null;
        }

        RemoveEarlierStamps(path, stampPath);
        var recorded = new List<string> { Path.GetFullPath(path), stampPath };
        if (digest is not null)
        {
            recorded.AddRange(SetFiles(outputFolder));
        }

        return recorded;
    }

    // <project>.initdata.state.props sits beside <project>.initdata.<hash>.stamp: every other stamp of that project is
    // of settings it no longer has. Best effort: one left behind only costs its few bytes (IncrementalClean takes it).
    private static void RemoveEarlierStamps(string statePath, string currentStamp)
    {
        var stateName = Path.GetFileName(statePath);
        var prefix = stateName[..(stateName.LastIndexOf(".state.props", StringComparison.Ordinal) + 1)];
        try
        {
            foreach (var stamp in Directory.EnumerateFiles(Path.GetDirectoryName(currentStamp)!, prefix + "*" + StampExtension))
            {
                if (!string.Equals(stamp, currentStamp, StringComparison.Ordinal))
                {
                    File.Delete(stamp);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Kept: the current stamp is written, which is all the next build needs.
        }
    }

    // The artifact set's own bookkeeping files in its folder (ArtifactWriter's): the list first, then the lock.
    private static string[] SetFiles(string outputFolder) =>
        new[] { Path.Combine(outputFolder, ArtifactWriter.ListFileName), Path.Combine(outputFolder, ArtifactWriter.LockFileName) };

    // One MSBuild list: each path escaped (a ';' or '%' in it stays in its item), joined by ';'.
    private static string List(IEnumerable<string> paths) => string.Join(";", paths.Select(ProjectCollection.Escape));
}
