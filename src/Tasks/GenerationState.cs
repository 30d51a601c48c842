using System.Text;
using System.Xml;
using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;
using Microsoft.Build.Evaluation;

namespace Coco.InitData.Tasks;

/// <summary>
/// The state file the next build compares with (<c>obj/&lt;project&gt;.initdata.state.props</c>): an MSBuild file the
/// targets import at evaluation, so that a build with nothing to do learns the last generation's settings hash, digest,
/// input files and written files without a task or a property function that reads a file. Written by the task after a
/// successful generation only, through a temporary file and a rename: a failed or interrupted run leaves the previous
/// state, and the next build generates again.
/// </summary>
internal static class GenerationState
{
    /// <summary>How far back the state file is dated (see <see cref="Write"/>).</summary>
    public const int BackdatedYears = 30;

    /// <summary>
    /// Renders the file: UTF-8 without BOM, '\n' line ends, values escaped for XML and then by MSBuild's own
    /// <see cref="ProjectCollection.Escape"/> (a ';' in a path stays one item, a '$' stays a '$').
    /// </summary>
    public static byte[] Render(string settingsHash, string? digest, IEnumerable<string> inputFiles, IEnumerable<string> writtenFiles)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true };
        using (var xml = XmlWriter.Create(text, settings))
        {
            xml.WriteStartElement("Project");
            xml.WriteComment(" Written by Coco.InitData after each generation; read by the next build. Deleting it makes the next build generate again. ");
            xml.WriteStartElement("PropertyGroup");
            xml.WriteElementString("_InitDataStateHash", ProjectCollection.Escape(settingsHash));
            xml.WriteElementString("_InitDataStateDigest", ProjectCollection.Escape(digest ?? string.Empty));
            xml.WriteEndElement();
            xml.WriteStartElement("ItemGroup");
            // Listed for IncrementalClean and clean by the file itself: a build that runs no InitData target (a project
            // that declares nothing) must still name it, or IncrementalClean deletes it as an orphan of the last build.
            xml.WriteStartElement("FileWrites");
            xml.WriteAttributeString("Include", "$(MSBuildThisFileFullPath)");
            xml.WriteEndElement();
            Items(xml, "_InitDataPreviousInput", inputFiles, withRelativePath: false);
            // The relative path as metadata too: the targets' transforms carry it to InitDataGeneratedFile without
            // batching over the items (a no-op build would otherwise run one bucket per file).
            Items(xml, "_InitDataListedFile", writtenFiles, withRelativePath: true);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return Encoding.UTF8.GetBytes(text.Append('\n').ToString());
    }

    /// <summary>Writes the file; a failure is a CID error on the file (the artifacts are written already).</summary>
    public static bool Write(string path, string settingsHash, string? digest, IEnumerable<string> inputFiles, IEnumerable<string> writtenFiles, DiagnosticBag diagnostics)
    {
        try
        {
            // obj/ may not exist yet when the artifacts go elsewhere (the first build of a project with no compile step).
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(MessageId.OutputWriteFailed, new SourceLocation(path), path, e.Message);
            return false;
        }

        // MSBuild counts the most recently written import of a project as an input of its compile (the evaluator puts
        // it in $(MSBuildAllProjects), which CoreCompile lists): a state file dated now would make the next build compile
        // the project again. Dated decades back, it never is that import; the date still changes with every write, so a
        // long-lived MSBuild node that cached the old content reads the new one.
        return ArtifactWriter.WriteFile(path, Render(settingsHash, digest, inputFiles, writtenFiles), diagnostics, DateTime.UtcNow.AddYears(-BackdatedYears));
    }

    private static void Items(XmlWriter xml, string itemType, IEnumerable<string> values, bool withRelativePath)
    {
        foreach (var value in values)
        {
            xml.WriteStartElement(itemType);
            xml.WriteAttributeString("Include", ProjectCollection.Escape(value));
            if (withRelativePath)
            {
                xml.WriteAttributeString("InitDataRelativePath", ProjectCollection.Escape(value));
            }

            xml.WriteEndElement();
        }
    }
}
