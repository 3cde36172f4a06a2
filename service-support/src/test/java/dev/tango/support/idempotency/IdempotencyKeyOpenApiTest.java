package dev.tango.support.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdempotencyKeyOpenApiTest {

    @Test
    void addsTheOptionalHeaderToWriteOperationsUnderApiOnlyAndOnlyOnce() {
        PathItem api = new PathItem()
                .get(new Operation())
                .post(new Operation())
                .put(new Operation())
                .patch(new Operation())
                .delete(new Operation());
        PathItem elsewhere = new PathItem().post(new Operation());
        OpenAPI openApi = new OpenAPI()
                .paths(new Paths().addPathItem("/api/things/{id}", api).addPathItem("/login", elsewhere));
        IdempotencyKeyOpenApi customizer = new IdempotencyKeyOpenApi();

        customizer.customise(openApi);
        customizer.customise(openApi);

        for (Operation write : List.of(api.getPost(), api.getPut(), api.getPatch(), api.getDelete())) {
            assertThat(write.getParameters()).singleElement().satisfies(IdempotencyKeyOpenApiTest::isTheHeader);
        }
        assertThat(api.getGet().getParameters()).isNullOrEmpty();
        assertThat(elsewhere.getPost().getParameters()).isNullOrEmpty();
    }

    private static void isTheHeader(Parameter parameter) {
        assertThat(parameter.getName()).isEqualTo("Idempotency-Key");
        assertThat(parameter.getIn()).isEqualTo("header");
        assertThat(parameter.getRequired()).isFalse();
        assertThat(parameter.getSchema().getMaxLength()).isEqualTo(255);
    }
}
