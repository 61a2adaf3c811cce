package dev.nnfs.service.oip;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers other than inference, as Jackson writes the records, against the schemas;
 * and the schemas themselves refuse what the protocol does not allow.
 */
class OipMetadataTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final ModelSignature SIGNATURE = new ModelSignature(
			List.of(new TensorMetadata("input", "FP32", new long[] { -1, 2 })),
			List.of(new TensorMetadata("output", "FP32", new long[] { -1, 3 }),
					new TensorMetadata("argmax", "INT64", new long[] { -1 }),
					new TensorMetadata("confidence", "FP32", new long[] { -1 })));

	@Test
	void serverMetadata() {
		String json = MAPPER.writeValueAsString(new ServerMetadata("nnfs", "0.1.0", ServerMetadata.EXTENSIONS));
		assertThat(json).isEqualTo("{\"name\":\"nnfs\",\"version\":\"0.1.0\","
				+ "\"extensions\":[\"binary_tensor_data\",\"classification\",\"model_repository\"]}");
		OipSchemas.assertValid("server-metadata", json);
	}

	@Test
	void health() {
		OipSchemas.assertValid("server-live", MAPPER.writeValueAsString(Health.serverLive()));
		OipSchemas.assertValid("server-ready", MAPPER.writeValueAsString(Health.serverReady()));
		String model = MAPPER.writeValueAsString(Health.modelReady("relu", true));
		assertThat(model).isEqualTo("{\"name\":\"relu\",\"ready\":true}");
		OipSchemas.assertValid("model-ready", model);
	}

	@Test
	void modelMetadata() {
		String json = MAPPER.writeValueAsString(ModelMetadata.of("spiral", List.of("1"), SIGNATURE));
		assertThat(json).isEqualTo("{\"name\":\"spiral\",\"versions\":[\"1\"],\"platform\":\"nnfs\","
				+ "\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[-1,2]}],"
				+ "\"outputs\":[{\"name\":\"output\",\"datatype\":\"FP32\",\"shape\":[-1,3]},"
				+ "{\"name\":\"argmax\",\"datatype\":\"INT64\",\"shape\":[-1]},"
				+ "{\"name\":\"confidence\",\"datatype\":\"FP32\",\"shape\":[-1]}]}");
		OipSchemas.assertValid("model-metadata", json);
		OipSchemas.assertValid("model-metadata", MAPPER.writeValueAsString(ModelMetadata.of("relu", null, SIGNATURE)));
	}

	@Test
	void repositoryIndexAndErrors() {
		String index = MAPPER.writeValueAsString(List.of(new RepositoryModel("relu", null, "READY", ""),
				new RepositoryModel("spiral", "1", "UNAVAILABLE", "unloaded")));
		OipSchemas.assertValid("repository-index", index);
		String error = MAPPER.writeValueAsString(OipException.notFound("model 'x' is unknown").toResponse());
		assertThat(error).isEqualTo("{\"error\":\"model 'x' is unknown\"}");
		OipSchemas.assertValid("error", error);
	}

	@Test
	void theSchemasRefuseWhatTheProtocolDoesNotAllow() {
		assertThat(OipSchemas.violations("infer-request",
				"{\"inputs\":[{\"name\":\"input\",\"shape\":[-1]," + "\"datatype\":\"FP32\",\"data\":[1]}]}"))
			.isNotEmpty();
		assertThat(OipSchemas.violations("infer-request",
				"{\"inputs\":[{\"name\":\"input\",\"shape\":[1]," + "\"datatype\":\"FP32\"}]}"))
			.as("neither data nor binary_data_size")
			.isNotEmpty();
		assertThat(OipSchemas.violations("infer-request", "{\"inputs\":[]}")).isNotEmpty();
		assertThat(OipSchemas.violations("infer-response", "{\"outputs\":[]}")).as("model_name is required")
			.isNotEmpty();
		assertThat(OipSchemas.violations("infer-response", "{\"model_name\":\"m\",\"outputs\":[{\"name\":\"o\","
				+ "\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1],\"parameters\":{\"binary_data_size\":4}}]}"))
			.as("data and binary_data_size both")
			.isNotEmpty();
		assertThat(
				OipSchemas.violations("model-metadata",
						"{\"name\":\"m\",\"platform\":\"nnfs\",\"inputs\":"
								+ "[{\"name\":\"i\",\"datatype\":\"FLOAT\",\"shape\":[-1]}],\"outputs\":[]}"))
			.isNotEmpty();
		assertThat(OipSchemas.violations("error", "{\"message\":\"x\"}")).isNotEmpty();
		assertThat(OipSchemas.violations("repository-index", "[{\"name\":\"m\",\"state\":\"OK\",\"reason\":\"\"}]"))
			.isNotEmpty();
		assertThat(OipSchemas.violations("server-metadata", "{\"name\":\"n\",\"version\":\"1\"}")).isNotEmpty();
		// The protocol's own example request (inference_rest.md) is valid.
		OipSchemas.assertValid("infer-request", "{\"id\":\"42\",\"inputs\":[{\"name\":\"input0\",\"shape\":[2,2],"
				+ "\"datatype\":\"UINT32\",\"data\":[1,2,3,4]},{\"name\":\"input1\",\"shape\":[3],\"datatype\":\"BOOL\","
				+ "\"data\":[true]}],\"outputs\":[{\"name\":\"output0\"}]}");
	}

}
