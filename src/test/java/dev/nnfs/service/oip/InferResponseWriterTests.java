package dev.nnfs.service.oip;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InferResponseWriterTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final InferResponseWriter writer = new InferResponseWriter();

	private static OutputTensor output() {
		return OutputTensor.fp32("output", new long[] { 2, 2 }, new float[] { 0.1f, 0.33333334f, -0.0f, 1.0E7f });
	}

	private static OutputTensor argmax() {
		return OutputTensor.int64("argmax", new long[] { 2 }, new long[] { 1, 0 });
	}

	@Test
	void jsonResponse() {
		EncodedResponse r = writer.write(new InferResponse("relu", "1", "42", Map.of(), List.of(output(), argmax(),
				OutputTensor.fp64("wide", new long[] { 2 }, new double[] { 0.1, 2.0E-300 }))));
		assertThat(r.contentType()).isEqualTo("application/json");
		assertThat(r.headerLength()).isNull();
		String json = new String(r.toByteArray(), StandardCharsets.UTF_8);
		assertThat(json).isEqualTo("{\"model_name\":\"relu\",\"model_version\":\"1\",\"id\":\"42\",\"outputs\":["
				+ "{\"name\":\"output\",\"datatype\":\"FP32\",\"shape\":[2,2],\"data\":[0.1,0.33333334,-0.0,1.0E7]},"
				+ "{\"name\":\"argmax\",\"datatype\":\"INT64\",\"shape\":[2],\"data\":[1,0]},"
				+ "{\"name\":\"wide\",\"datatype\":\"FP64\",\"shape\":[2],\"data\":[0.1,2.0E-300]}]}");
		assertThat(r.contentLength()).isEqualTo(json.length());
		OipSchemas.assertValid("infer-response", json);
	}

	@Test
	void optionalFieldsAreLeftOut() {
		String json = new String(
				writer.write(new InferResponse("relu", null, null, Map.of(), List.of(argmax()))).toByteArray(),
				StandardCharsets.UTF_8);
		assertThat(json).isEqualTo(
				"{\"model_name\":\"relu\",\"outputs\":[{\"name\":\"argmax\",\"datatype\":\"INT64\",\"shape\":[2],\"data\":[1,0]}]}");
		OipSchemas.assertValid("infer-response", json);
	}

	@Test
	void doublesInShortestRoundTripForm() {
		// JDK 17's Double.toString gives 2.0E-3 as 0.0020 and 1.0E23 as
		// 1.0000000000000001E23
		double[] v = { 2.0E-3, 1.0E23, 5.0E-324, Double.MAX_VALUE, 0.30000000000000004 };
		String json = new String(writer
			.write(new InferResponse("m", null, null, Map.of(), List.of(OutputTensor.fp64("o", new long[] { 5 }, v))))
			.toByteArray(), StandardCharsets.UTF_8);
		assertThat(json).contains("\"data\":[0.002,1.0E23,4.9E-324,1.7976931348623157E308,0.30000000000000004]");
		JsonNode data = MAPPER.readTree(json).get("outputs").get(0).get("data");
		for (int i = 0; i < v.length; i++) {
			assertThat(Double.parseDouble(data.get(i).asString())).isEqualTo(v[i]);
		}
	}

	@Test
	void binaryResponseIsTheJsonHeaderThenLittleEndianBytes() {
		OutputTensor classes = Classification.topK("output", new float[] { 0.2f, 0.7f, 0.1f }, 1, 3, 2, null)
			.withBinary(true);
		EncodedResponse r = writer.write(new InferResponse("relu", null, "7", Map.of(),
				List.of(output().withBinary(true), argmax(), argmax().withBinary(true), classes)));
		assertThat(r.contentType()).isEqualTo("application/octet-stream");
		byte[] body = r.toByteArray();
		int h = r.headerLength();
		String header = new String(body, 0, h, StandardCharsets.UTF_8);
		assertThat(header).isEqualTo("{\"model_name\":\"relu\",\"id\":\"7\",\"outputs\":["
				+ "{\"name\":\"output\",\"datatype\":\"FP32\",\"shape\":[2,2],\"parameters\":{\"binary_data_size\":16}},"
				+ "{\"name\":\"argmax\",\"datatype\":\"INT64\",\"shape\":[2],\"data\":[1,0]},"
				+ "{\"name\":\"argmax\",\"datatype\":\"INT64\",\"shape\":[2],\"parameters\":{\"binary_data_size\":16}},"
				+ "{\"name\":\"output\",\"datatype\":\"BYTES\",\"shape\":[1,2],\"parameters\":{\"binary_data_size\":28}}]}");
		OipSchemas.assertValid("infer-response", header);
		assertThat(body).hasSize(h + 16 + 16 + 28);
		assertThat(r.contentLength()).isEqualTo(body.length);

		// By hand: FP32 0.1f = 0x3DCCCCCD, little-endian CD CC CC 3D.
		assertThat(Arrays.copyOfRange(body, h, h + 4)).containsExactly(0xCD, 0xCC, 0xCC, 0x3D);
		ByteBuffer b = ByteBuffer.wrap(body, h, body.length - h).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(new float[] { b.getFloat(), b.getFloat(), b.getFloat(), b.getFloat() }).containsExactly(0.1f,
				0.33333334f, -0.0f, 1.0E7f);
		// INT64 1 = 01 00 00 00 00 00 00 00
		assertThat(Arrays.copyOfRange(body, h + 16, h + 24)).containsExactly(1, 0, 0, 0, 0, 0, 0, 0);
		// BYTES: a 4-byte little-endian length, then the UTF-8 bytes, per element
		assertThat(Arrays.copyOfRange(body, h + 32, h + 36)).containsExactly(10, 0, 0, 0);
		assertThat(new String(body, h + 36, 10, StandardCharsets.US_ASCII)).isEqualTo("0.700000:1");
		assertThat(Arrays.copyOfRange(body, h + 46, h + 50)).containsExactly(10, 0, 0, 0);
		assertThat(new String(body, h + 50, 10, StandardCharsets.US_ASCII)).isEqualTo("0.200000:0");
	}

	@Test
	void classificationStringsAsTritonPrintsThem() {
		OutputTensor t = Classification.topK("output",
				new float[] { 1.1f, 3.3f, 0.5f, 2.4f, 0.25f, 0.25f, 0.5f, -0.0f }, 2, 4, 2, null);
		assertThat(t.datatype()).isEqualTo(Datatype.BYTES);
		assertThat(t.shape()).containsExactly(2, 2);
		// 3.3f is 3.2999999523...; ties list the lower index first
		assertThat((String[]) t.values()).containsExactly("3.300000:1", "2.400000:3", "0.500000:2", "0.250000:0");
		OutputTensor labelled = Classification.topK("output", new double[] { 0.1, 0.9 }, 1, 2, 5,
				List.of("inner", "outer"));
		assertThat(labelled.shape()).containsExactly(1, 2);
		assertThat((String[]) labelled.values()).containsExactly("0.900000:1:outer", "0.100000:0:inner");
		String json = new String(writer.write(new InferResponse("m", null, null, Map.of(), List.of(t))).toByteArray(),
				StandardCharsets.UTF_8);
		assertThat(json).contains("\"data\":[\"3.300000:1\",\"2.400000:3\",\"0.500000:2\",\"0.250000:0\"]");
		OipSchemas.assertValid("infer-response", json);
	}

	@Test
	void scoresPrintAsCPrintf() {
		assertThat(Classification.score(0.7310585975646973)).isEqualTo("0.731059");
		assertThat(Classification.score(-0.0)).isEqualTo("-0.000000");
		assertThat(Classification.score(-1e-9)).isEqualTo("-0.000000");
		assertThat(Classification.score(1e7)).isEqualTo("10000000.000000");
		assertThat(Classification.score(0.0000005f)).isEqualTo("0.000000");
		assertThat(Classification.score(2.5e-6)).isEqualTo("0.000003");
	}

	@Test
	void aLargeSortedClassificationKeepsTiesInIndexOrder() {
		float[] v = new float[40];
		Arrays.fill(v, 0.5f);
		v[39] = 1f;
		OutputTensor t = Classification.topK("o", v, 1, 40, 20, null);
		String[] s = (String[]) t.values();
		assertThat(s[0]).isEqualTo("1.000000:39");
		assertThat(s[1]).isEqualTo("0.500000:0");
		assertThat(s[19]).isEqualTo("0.500000:18");
	}

	@Test
	void nonFiniteValuesCannotGoAsJson() {
		OutputTensor t = OutputTensor.fp32("output", new long[] { 2 }, new float[] { 1, Float.NaN });
		assertThatIllegalArgumentException()
			.isThrownBy(() -> writer.write(new InferResponse("m", null, null, Map.of(), List.of(t))))
			.withMessageContaining("output 'output' holds a non-finite value at element 1");
		assertThat(
				writer.write(new InferResponse("m", null, null, Map.of(), List.of(t.withBinary(true)))).contentLength())
			.isPositive();
	}

	@Test
	void responseParametersAndOutputParameters() {
		OutputTensor t = new OutputTensor("o", Datatype.FP32, new long[] { 1 }, new float[] { 1 }, true,
				Map.of("content_type", "np"));
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("alpha", 0.01);
		parameters.put("n", 2L);
		parameters.put("on", true);
		String header = new String(writer.write(new InferResponse("m", null, null, parameters, List.of(t))).json(),
				StandardCharsets.UTF_8);
		assertThat(header).isEqualTo("{\"model_name\":\"m\",\"parameters\":{\"alpha\":0.01,\"n\":2,\"on\":true},"
				+ "\"outputs\":[{\"name\":\"o\",\"datatype\":\"FP32\",\"shape\":[1],"
				+ "\"parameters\":{\"content_type\":\"np\",\"binary_data_size\":4}}]}");
		OipSchemas.assertValid("infer-response", header);
	}

	@Test
	void aBinaryResponseReadsBackAsABinaryRequestWould() {
		// The writer's layout is the reader's: the bytes of an FP32 output, sent back as
		// an
		// input, read to the same values.
		float[] v = { 0.1f, -2.5f, 3e-38f, 7f };
		EncodedResponse r = writer.write(new InferResponse("m", null, null, Map.of(),
				List.of(OutputTensor.fp32("input", new long[] { 2, 2 }, v).withBinary(true))));
		byte[] body = r.toByteArray();
		String json = "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[2,2],"
				+ "\"parameters\":{\"binary_data_size\":16}}]}";
		byte[] request = new byte[json.length() + 16];
		System.arraycopy(json.getBytes(StandardCharsets.UTF_8), 0, request, 0, json.length());
		System.arraycopy(body, r.headerLength(), request, json.length(), 16);
		InferRequest read = new InferRequestReader(100, 10_000).read(request, String.valueOf(json.length()));
		assertThat(read.input("input").floats()).containsExactly(v);
	}

}
