using System.CommandLine;
using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
using Coco.InitData.Manifests;
using Coco.InitData.Specification;
using Coco.InitData.Tool.Options;
using Coco.InitData.Tool.Output;
using Coco.InitData.Tool.Projects;

namespace Coco.InitData.Tool.Commands;

/// <summary><c>generate [PROJECT]</c> or <c>generate --registry ... -o DIR</c>: the build's artifacts, byte for byte.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var project = new Argument<string?>("PROJECT") { Description = "The project file or its folder (default: the current folder). Leave out when declaring with options.", Arity = ArgumentArity.ZeroOrOne };
        var properties = new Option<string[]>("--property", "-p") { Description = "MSBuild properties for the evaluation, as MSBuild reads them: -p:Name=Value, -p:A=1;B=2, /p:Name=Value.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "The folder to write to (default: the project's InitDataOutputPath, or ./initdata without a project)." };
        var json = CommonOptions.Json();
        var declarations = new SpecificationOptions();
        var command = new Command("generate", "Write initdata.toml, initdata.annotation, initdata.json (and k8s/ manifests) from a project or from options.")
        {
            project, properties, output, json,
        };
        declarations.AddTo(command);
        command.SetAction(parse =>
        {
            var reporter = new Reporter();
            var projectArgument = parse.GetValue(project);
            if (declarations.AnyGiven(parse))
            {
                if (projectArgument is not null)
                {
                    reporter.Error(MessageId.ToolUsage, SourceLocation.None, "Declare initdata either in a project or with options, not both.", "generate ");
                    return ExitCodes.Usage;
                }

                var here = Directory.GetCurrentDirectory();
                var spec = declarations.Build(parse, here);
                var request = new GenerationRequest { Specification = spec, OutputPath = Path.GetFullPath(parse.GetValue(output) ?? "initdata"), SummaryBase = here };
                return Generate(request, parse.GetValue(json), reporter);
            }

            var evaluated = ProjectLoader.Load(projectArgument, parse.GetValue(properties) ?? Array.Empty<string>(), outputPathNeeded: parse.GetValue(output) is null, reporter, out var exitCode);
            if (evaluated is null)
            {
                return exitCode;
            }

            if (!evaluated.Enabled)
            {
                if (parse.GetValue(json))
                {
                    // Still exactly one JSON object on standard output.
                    JsonOutput.Write(w =>
                    {
                        w.WriteBoolean("success", true);
                        w.WriteBoolean("enabled", false);
                        w.WriteStartArray("files");
                        w.WriteEndArray();
                        JsonOutput.WriteFindings(w, evaluated.Findings);
                    });
                }
                else
                {
                    Reporter.Out.WriteLine($"InitData: the build does not generate for {ShownPath.Of(evaluated.ProjectPath)} (InitDataEnabled is not true); nothing written.");
                }

                reporter.ReportAll(evaluated.Findings);
                return ExitCodes.Success;
            }

            var outputPath = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : evaluated.OutputPath;
            return Generate(evaluated.Request(outputPath), parse.GetValue(json), reporter);
        });
        return command;
    }

    // The build task's way through the engine.
    private static int Generate(GenerationRequest request, bool json, Reporter reporter)
    {
        var outputPath = request.OutputPath;
        var outcome = InitDataPipeline.Run(request);
        if (json)
        {
            JsonOutput.Write(w =>
            {
                w.WriteBoolean("success", outcome.WrittenFiles is not null);
                w.WriteString("outputPath", outputPath);
                if (outcome.WrittenFiles is not null && outcome.Artifacts is { } artifacts)
                {
                    JsonOutput.WriteMeasurements(w, artifacts.Measurements);
                }

                w.WriteStartArray("files");
                foreach (var file in outcome.WrittenFiles ?? Array.Empty<string>())
                {
                    w.WriteStringValue(file);
                }

                w.WriteEndArray();
                JsonOutput.WriteFindings(w, outcome.Diagnostics);
            });
        }
        else if (outcome.Summary is { } summary)
        {
            Reporter.Out.WriteLine(summary);
        }

        reporter.ReportAll(outcome.Diagnostics);
        return reporter.ExitCode;
    }
}
