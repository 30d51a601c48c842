using System.CommandLine;
using System.CommandLine.Parsing;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tool;

/// <summary>
/// Names a mistyped option or command as such, with the nearest real one. The parser hands a word it does not
/// know to the command's argument, or leaves it unmatched, and then blames the word after it.
/// </summary>
internal static class UnknownArguments
{
    /// <summary>The finding for the first unknown option or command on the line, or null when there is none.</summary>
    public static Diagnostic? Find(ParseResult parsed)
    {
        var positional = parsed.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value)
            .Concat(parsed.UnmatchedTokens)
            .ToHashSet(StringComparer.Ordinal);

        // Words are judged by the command they follow: in "cert create -o certs" the parser takes the last word
        // for the command, yet the mistake is "cert", a word given to the tool itself.
        Command command = parsed.RootCommandResult.Command;
        foreach (var token in parsed.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                break;
            }

            if (token.Type == TokenType.Command)
            {
                command = command.Subcommands.FirstOrDefault(c => c.Name == token.Value || c.Aliases.Contains(token.Value)) ?? command;
                continue;
            }

            if (token.Type != TokenType.Argument || !positional.Contains(token.Value))
            {
                continue;
            }

            var word = token.Value;
            if (word.Length > 1 && word[0] == '-')
            {
                var name = word.Split('=', ':')[0];
                return Nearest(name, OptionNames(command)) is { } option
                    ? Error(MessageId.ToolUnknownOption, name, CommandText(command), option)
                    : Error(MessageId.ToolUnknownOptionNoMatch, name, CommandText(command));
            }

            if (command.Subcommands.Count > 0 && command.Arguments.Count == 0)
            {
                var names = command.Subcommands.Select(c => c.Name).ToList();
                return Nearest(word, names) is { } near
                    ? Error(MessageId.ToolUnknownCommand, word, CommandText(command), near)
                    : Error(MessageId.ToolUnknownCommandNoMatch, word, CommandText(command), string.Join(", ", names));
            }
        }

        return null;
    }

    /// <summary>"coco-initdata certs create" for a command.</summary>
    public static string CommandText(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null && c is not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return string.Join(' ', names.Prepend("coco-initdata"));
    }

    private static Diagnostic Error(MessageId id, params object[] args) => Diagnostic.Create(id, DiagnosticSeverity.Error, SourceLocation.None, args);

    // The command's own options and the recursive ones of its parents (--help, --verbose).
    private static IEnumerable<string> OptionNames(Command command)
    {
        var options = command.Options.AsEnumerable();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            options = options.Concat(parent.Options.Where(o => o.Recursive));
        }

        return options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith('-')).Distinct(StringComparer.Ordinal);
    }

    // The closest name within about a third of its length (one typo in a short name), or one it starts.
    private static string? Nearest(string word, IEnumerable<string> names)
    {
        var bare = word.TrimStart('-').ToLowerInvariant();
        var scored = names
            .Select(n => (Name: n, Distance: Distance(bare, n.TrimStart('-').ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(1, x.Name.TrimStart('-').Length / 3)
                || (bare.Length >= 3 && x.Name.TrimStart('-').StartsWith(bare, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name.Length)
            .ToList();
        return scored.Count > 0 ? scored[0].Name : null;
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swapped neighbours count one.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
