namespace Orderly.Application.Import;

/// <summary>How an import is named where its name is stored: the audit log's key and the movements' reference.</summary>
internal static class ImportNames
{
    /// <summary>The audit log keeps keys of up to 200 characters; a longer file name keeps its end, where the distinguishing part usually is.</summary>
    public static string AuditKey(string fileName) => Fit(fileName, 200);

    /// <summary>The reference of an import's movements (at most 100 characters): the file and the start of its hash.</summary>
    public static string Reference(string fileName, string hash) => $"import {Fit(fileName, 70)} #{hash[..12]}";

    private static string Fit(string text, int length) => text.Length <= length ? text : text[^length..];
}
