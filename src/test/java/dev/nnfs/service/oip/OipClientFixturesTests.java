package dev.nnfs.service.oip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bodies KServe's and Triton's Python clients send
 * ({@code src/test/resources/oip/clients/}, see its README for how each was laid out)
 * read to the tensors the client meant.
 */
class OipClientFixturesTests {

	static final float[] X32 = { 0.0f, 0.0f, 0.1f, -0.25f, -0.7f, 0.3f };

	static final double[] X64 = { 0.0, 0.0, (double) 0.1f + 1e-9, -0.25, (double) -0.7f, (double) 0.3f + 2e-9 };

	private static final ModelSignature RELU = new ModelSignature(
			List.of(new TensorMetadata("input", "FP32", new long[] { -1, 2 })),
			List.of(new TensorMetadata("output", "FP32", new long[] { -1, 2 }),
					new TensorMetadata("argmax", "INT64", new long[] { -1 }),
					new TensorMetadata("confidence", "FP32", new long[] { -1 })));

	private final InferRequestReader reader = new InferRequestReader(4_000_000, 16 << 20);

	static byte[] fixture(String name) {
		try (InputStream in = OipClientFixturesTests.class.getResourceAsStream("/oip/clients/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String headerLength(String name) {
		Properties p = new Properties();
		try (InputStream in = OipClientFixturesTests.class
			.getResourceAsStream("/oip/clients/inference-header-content-length.properties")) {
			p.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return p.getProperty(name);
	}

	private InferRequest read(String name) {
		return reader.read(fixture(name), headerLength(name), RELU);
	}

	@Test
	void tritonJsonFp32() {
		InferRequest r = read("triton-json-fp32.json");
		assertThat(r.id()).isEqualTo("1");
		assertThat(r.parameters()).isEmpty();
		InferInput in = r.input("input");
		assertThat(in.datatype()).isEqualTo(Datatype.FP32);
		assertThat(in.shape()).containsExactly(3, 2);
		assertThat(in.floats()).containsExactly(X32);
		assertThat(in.binary()).isFalse();
		assertThat(r.outputs()).containsExactly(new RequestedOutput("output", Map.of("binary_data", false), false, 0),
				new RequestedOutput("argmax", Map.of("binary_data", false), false, 0));
	}

	@Test
	void tritonBinaryFp32AsksForEveryOutputInBinary() {
		assertThat(headerLength("triton-binary-fp32.bin")).isEqualTo("139");
		InferRequest r = read("triton-binary-fp32.bin");
		assertThat(r.id()).isNull();
		assertThat(r.binaryDataOutput()).isTrue();
		assertThat(r.outputs()).isEmpty();
		assertThat(r.outputsFor(List.of("output", "argmax"))).containsExactly(RequestedOutput.of("output", true),
				RequestedOutput.of("argmax", true));
		InferInput in = r.input("input");
		assertThat(in.binary()).isTrue();
		assertThat(in.parameters()).containsEntry("binary_data_size", 24L);
		assertThat(in.floats()).containsExactly(X32);
		assertThat(in.asBatch().get(2, 0)).isEqualTo(-0.7f);
	}

	@Test
	void tritonBinaryFp64WithClassificationAndParameters() {
		InferRequest r = read("triton-binary-fp64-classification.bin");
		assertThat(r.id()).isEqualTo("req-7");
		assertThat(r.parameters()).containsExactly(Map.entry("alpha", 0.01));
		InferInput in = r.input("input");
		assertThat(in.computeType()).isEqualTo(Datatype.FP64);
		assertThat(in.doubles()).containsExactly(X64);
		assertThat(r.outputs()).containsExactly(
				new RequestedOutput("output", Map.of("classification", 2L, "binary_data", true), true, 2),
				new RequestedOutput("confidence", Map.of("binary_data", false), false, 0));
	}

	@Test
	void kserveJsonFp32SendsModelNameAndFlatWidenedFloats() {
		String body = new String(fixture("kserve-json-fp32.json"), StandardCharsets.UTF_8);
		assertThat(body).contains("\"model_name\":\"relu\"", "0.10000000149011612");
		InferRequest r = read("kserve-json-fp32.json");
		assertThat(r.id()).isEqualTo("42");
		assertThat(r.input("input").floats()).containsExactly(X32);
		assertThat(r.outputs()).isEmpty();
		assertThat(r.binaryDataOutput()).isFalse();
	}

	@Test
	void kserveJsonNestedFp64() {
		InferRequest r = read("kserve-json-nested-fp64.json");
		assertThat(r.id()).isEqualTo("43");
		assertThat(r.input("input").doubles()).containsExactly(X64);
		assertThat(r.outputs()).containsExactly(new RequestedOutput("output", Map.of(), false, 0));
	}

	@Test
	void kserveBinaryFp32() {
		InferRequest r = read("kserve-binary-fp32.bin");
		assertThat(r.id()).isEqualTo("5f1b3c1e-8d9a-4f3e-9c55-2a0d7e1b6c44");
		assertThat(r.input("input").floats()).containsExactly(X32);
		assertThat(r.outputs()).containsExactly(new RequestedOutput("output", Map.of("binary_data", true), true, 0));
	}

	@Test
	void everyFixtureHeaderIsAValidInferRequest() {
		for (String name : List.of("triton-json-fp32.json", "triton-binary-fp32.bin",
				"triton-binary-fp64-classification.bin", "kserve-json-fp32.json", "kserve-json-nested-fp64.json",
				"kserve-binary-fp32.bin")) {
			byte[] body = fixture(name);
			String h = headerLength(name);
			int n = h == null ? body.length : Integer.parseInt(h);
			OipSchemas.assertValid("infer-request", new String(Arrays.copyOf(body, n), StandardCharsets.UTF_8));
		}
	}

}
