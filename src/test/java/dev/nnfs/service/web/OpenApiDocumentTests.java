package dev.nnfs.service.web;

import java.util.List;

import dev.nnfs.service.ApiTest;
import dev.nnfs.service.OpenApiContract;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The OpenAPI document the service serves is a valid OpenAPI 3.0 document. */
@ApiTest
class OpenApiDocumentTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theDocumentValidatesAgainstTheOpenApiMetaSchema() throws Exception {
		String document = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		assertThat(OpenApiContract.violations(document)).isEmpty();
	}

	@Test
	void theMetaSchemaCatchesAHeaderWithoutASchema() throws Exception {
		String document = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		String broken = document.replaceFirst("\"ETag\":\\{\"description\":\"([^\"]*)\",\"style\":\"simple\",\"schema\":\\{\"type\":\"string\"\\}\\}",
				"\"ETag\":{\"description\":\"$1\",\"style\":\"simple\"}");
		assertThat(broken).isNotEqualTo(document);
		List<String> violations = OpenApiContract.violations(broken);
		assertThat(violations).anyMatch((v) -> v.contains("/headers/ETag"));
	}

}
