package dev.tango.support.idempotency;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Objects;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;

/** Documents the optional {@code Idempotency-Key} header on every write operation under {@code /api}. */
public class IdempotencyKeyOpenApi implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (IdempotencyFilter.isApiPath(path)) {
                writes(item)
                        .filter(IdempotencyKeyOpenApi::lacksHeader)
                        .forEach(operation -> operation.addParametersItem(header()));
            }
        });
    }

    private static Stream<Operation> writes(PathItem item) {
        return Stream.of(item.getPost(), item.getPut(), item.getPatch(), item.getDelete())
                .filter(Objects::nonNull);
    }

    private static boolean lacksHeader(Operation operation) {
        return operation.getParameters() == null
                || operation.getParameters().stream()
                        .noneMatch(parameter -> "header".equals(parameter.getIn())
                                && IdempotencyKey.HEADER.equalsIgnoreCase(parameter.getName()));
    }

    private static Parameter header() {
        return new HeaderParameter()
                .name(IdempotencyKey.HEADER)
                .required(false)
                .description("Makes the request safe to retry: the same request with the same key (per caller) is run"
                        + " once; a repeat within 24 h gets the stored response with `Idempotent-Replayed: true`."
                        + " The key used for a different request answers 422; while the first is running, 409.")
                .schema(new StringSchema()
                        .minLength(1)
                        .maxLength(IdempotencyKey.MAX_LENGTH)
                        .pattern("^[!-~]+$"));
    }
}
