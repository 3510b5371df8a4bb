using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orderly.Tests;

/// <summary>Intent helpers for talking to the API and reading its answers.</summary>
public static class Api
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Ct);

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Ct);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem of the given status and type, and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected, string type)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync(expected);
        Assert.Equal("urn:orderly:problem:" + type, problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("correlationId").GetString()));
        return problem;
    }

    /// <summary>The messages a validation problem gives for one field.</summary>
    public static string FieldError(this JsonElement problem, string field)
    {
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages),
            $"No error for '{field}' in {problem.GetProperty("errors")}");
        return string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()));
    }

    public static string UniqueSku(string prefix = "TST") => $"{prefix}-{Guid.NewGuid().ToString("N")[..12]}".ToUpperInvariant();
}
