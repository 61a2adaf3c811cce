package dev.nnfs.service.model;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A trivial loader and helpers for the store's tests. */
final class TestModels {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/** Parses JSON and requires an object with an integer "inputs". */
	static final ModelLoader<JsonNode> LOADER = (name, version, json) -> {
		JsonNode node;
		try {
			node = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new InvalidModelException("model.json is not JSON");
		}
		if (node == null || !node.isObject() || !node.path("inputs").isInt()) {
			throw new InvalidModelException("\"inputs\" is missing or not an integer");
		}
		return node;
	};

	private TestModels() {
	}

	static byte[] model(int inputs) {
		return ("{\"inputs\":" + inputs + ",\"layers\":[]}").getBytes(StandardCharsets.UTF_8);
	}

	static ModelProperties properties(Path dir) {
		return new ModelProperties(dir, Duration.ZERO, true, "");
	}

	static ModelStore<JsonNode> store(Path dir) {
		ModelStore<JsonNode> store = new ModelStore<>(properties(dir), LOADER);
		store.start();
		return store;
	}

}
