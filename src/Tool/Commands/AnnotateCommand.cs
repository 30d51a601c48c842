using System.CommandLine;
using Coco.InitData.Artifacts;
using Coco.InitData.Containers;
using Coco.InitData.Diagnostics;
using Coco.InitData.Manifests;
using Coco.InitData.Tool.Inputs;
using Coco.InitData.Tool.Output;
using Coco.InitData.Transport;

namespace Coco.InitData.Tool.Commands;

/// <summary><c>annotate MANIFEST... --initdata FILE [--image REF@DIGEST [--keep-tag]] [-o DIR]</c>: inject the annotation into every pod template, and pin an image pushed another way.</summary>
internal static class AnnotateCommand
{
    public static Command Create()
    {
        var manifests = new Argument<string[]>("MANIFEST") { Description = "Kubernetes manifests (multi-document YAML); '-' reads standard input.", Arity = ArgumentArity.OneOrMore };
        var initdata = new Option<string>("--initdata") { Description = "The initdata: initdata.toml, initdata.annotation, or a manifest already carrying it.", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "Write each annotated manifest to this folder under its own file name (default: standard output)." };
        var annotationName = new Option<string?>("--annotation-name") { Description = "The annotation key (default io.katacontainers.config.hypervisor.cc_init_data)." };
        var image = new Option<string?>("--image") { Description = "Also pin every container image that names this pushed repository: registry/repository@sha256:<digest>." };
        var keepTag = new Option<bool>("--keep-tag") { Description = "With --image, keep each manifest's tag before the digest (repository:tag@sha256:...)." };
        var command = new Command("annotate", "Inject the initdata annotation into the pod templates of Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job and CronJob manifests.")
        {
            manifests, initdata, output, annotationName, image, keepTag,
        };
        command.SetAction(parse => Run(parse.GetValue(manifests)!, parse.GetValue(initdata)!, parse.GetValue(output), parse.GetValue(annotationName), parse.GetValue(image), parse.GetValue(keepTag)));
        return command;
    }

    private static int Run(string[] manifests, string initdataPath, string? output, string? annotationName, string? imageOption, bool keepTag)
    {
        var reporter = new Reporter();
        var name = annotationName ?? AnnotationKey.Default;
        if (!AnnotationKey.IsValid(name, out var problem))
        {
            reporter.Error(MessageId.ToolOptionInvalid, SourceLocation.None, "--annotation-name", name, problem);
            return ExitCodes.Usage;
        }

        PushedImage? image = null;
        if (imageOption is not null && (image = PushedImage.Parse(imageOption, out var imageProblem)) is null)
        {
            reporter.Error(MessageId.ToolImageOptionInvalid, SourceLocation.None, imageOption, imageProblem);
            return ExitCodes.Usage;
        }

        // Only a document the guest accepts is injected: an empty file or plain TOML such as 'x = 1' is CID4006.
        var source = InitDataInput.LoadValid(initdataPath, null, reporter, out var exitCode);
        if (source is null)
        {
            return exitCode;
        }

        // An annotation given as such is used verbatim; a document is encoded as the build encodes it.
        var value = source.Annotation ?? AnnotationCodec.Encode(source.DocumentBytes);
        // Every file is read first: one that cannot be is bad usage (exit 2), before anything is annotated.
        var inputs = new List<ManifestInput>();
        foreach (var manifest in manifests)
        {
            if (InputFile.Read(manifest, reporter, out var display) is not { } bytes)
            {
                return ExitCodes.Usage;
            }

            inputs.Add(new ManifestInput(manifest == "-" ? "stdin.yaml" : Path.GetFileName(manifest), display, display, SourceLocation.None, _ => bytes));
        }

        // Written to a folder, each under its own file name, so two of one name collide; concatenated on standard output they do not.
        var diagnostics = new DiagnosticBag();
        var files = ManifestArtifacts.Annotate(inputs, string.Empty, uniqueNames: output is not null, name, value, diagnostics);
        if (files is not null && image is not null)
        {
            // One file per manifest, in order: each pinned where its containers name the pushed repository.
            var pinned = new List<ArtifactFile>();
            foreach (var (file, input) in files.Zip(inputs))
            {
                if (ImagePinner.Pin(file.Content, input.DisplayPath, image, keepTag, diagnostics) is { } result)
                {
                    pinned.Add(file with { Content = result.Content });
                }
            }

            files = pinned;
        }

        reporter.ReportAll(diagnostics.Items);
        if (files is null || diagnostics.HasErrors)
        {
            return ExitCodes.Findings;
        }

        if (output is not null)
        {
            var write = new DiagnosticBag();
            // Adds to the folder (other files there are the user's); the set of manifests still switches at once.
            ArtifactWriter.Write(Path.GetFullPath(output), files, write, ownsFolder: false);
            reporter.ReportAll(write.Items);
            return reporter.ExitCode;
        }

        // The guarded standard output: a full disk or closed pipe is CID4030, not a crash.
        var stdout = Reporter.OutStream;
        for (var i = 0; i < files.Count; i++)
        {
            if (i > 0)
            {
                // Keep the concatenation one valid multi-document stream.
                var previous = files[i - 1].Content;
                stdout.Write(System.Text.Encoding.UTF8.GetBytes(previous.Length > 0 && previous[^1] != (byte)'\n' ? "\n---\n" : "---\n"));
            }

            stdout.Write(files[i].Content);
        }

        return reporter.ExitCode;
    }
}
