namespace Coco.InitData.Tests;

/// <summary>Random text from a fixed seed: the same characters on every run, so a failing input can be named again.</summary>
internal sealed class RandomText(int seed)
{
    /// <summary>Upper and lower case ASCII letters and digits.</summary>
    public const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly Random _random = new(seed);

    /// <summary><paramref name="length"/> characters drawn from <paramref name="alphabet"/>.</summary>
    public string Of(string alphabet, int length) => new(Enumerable.Range(0, length).Select(_ => alphabet[_random.Next(alphabet.Length)]).ToArray());
}
