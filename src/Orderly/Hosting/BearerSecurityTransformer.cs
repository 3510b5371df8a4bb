using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Orderly.Hosting;

/// <summary>Tells OpenAPI readers that the API takes a bearer token.</summary>
public sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Orderly API";
        document.Info.Description = "Fulfillment for multi-site distributors. Authenticate with 'Authorization: Bearer <token>' (create one with 'orderly token create').";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An Orderly API token (oly_...).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
