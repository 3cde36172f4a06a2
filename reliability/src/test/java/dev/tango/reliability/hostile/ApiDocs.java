package dev.tango.reliability.hostile;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The endpoints the services and the gateway document at {@code /v3/api-docs}, read with swagger-parser. */
final class ApiDocs {

    static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private ApiDocs() {}

    /** One documented operation: who documents it, method, path template, parameters and JSON body schema. */
    record Endpoint(
            String origin,
            String method,
            String path,
            List<Parameter> parameters,
            Schema<?> body,
            boolean bodyRequired) {

        String key() {
            return method + " " + path;
        }

        boolean isWrite() {
            return WRITE_METHODS.contains(method);
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> where.equals(p.getIn())).toList();
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** Every operation of the document, sorted by path and method. */
    static List<Endpoint> endpoints(String origin, String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException("No OpenAPI document from " + origin + ": " + result.getMessages());
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation :
                    path.getValue().readOperationsMap().entrySet()) {
                Operation op = operation.getValue();
                List<Parameter> parameters = new ArrayList<>();
                if (path.getValue().getParameters() != null) {
                    parameters.addAll(path.getValue().getParameters());
                }
                if (op.getParameters() != null) {
                    parameters.addAll(op.getParameters());
                }
                Schema<?> body = null;
                boolean required = false;
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    MediaType media = op.getRequestBody().getContent().get("application/json");
                    if (media != null) {
                        body = media.getSchema();
                        required = Boolean.TRUE.equals(op.getRequestBody().getRequired());
                    }
                }
                endpoints.add(new Endpoint(
                        origin,
                        operation.getKey().name().toUpperCase(Locale.ROOT),
                        path.getKey(),
                        parameters,
                        body,
                        required));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return endpoints;
    }

    /** The schema's type ("string", "integer", ...), whether written as OpenAPI 3.0 {@code type} or 3.1 {@code types}. */
    static String type(Schema<?> schema) {
        if (schema == null) {
            return "object";
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            return schema.getTypes().stream()
                    .filter(type -> !"null".equals(type))
                    .findFirst()
                    .orElse("object");
        }
        if (schema.getProperties() != null || schema.getAdditionalProperties() != null) {
            return "object";
        }
        if (schema.getItems() != null) {
            return "array";
        }
        if (schema.getEnum() != null) {
            return "string";
        }
        return "object";
    }

    /**
     * A string whose value the API constrains (an enum, a pattern, a format such as date-time or email): anything
     * hostile there must be refused. Other strings are free text, where markup and unusual characters are content.
     */
    static boolean isConstrainedString(Schema<?> schema) {
        return schema.getEnum() != null || schema.getPattern() != null || schema.getFormat() != null;
    }
}
