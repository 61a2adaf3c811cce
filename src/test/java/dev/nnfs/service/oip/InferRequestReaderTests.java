package dev.nnfs.service.oip;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InferRequestReaderTests {

	private static final ModelSignature MODEL = new ModelSignature(
			List.of(new TensorMetadata("input", "FP32", new long[] { -1, 2 })),
			List.of(new TensorMetadata("output", "FP32", new long[] { -1, 2 }),
					new TensorMetadata("argmax", "INT64", new long[] { -1 })));

	private final InferRequestReader reader = new InferRequestReader(1000, 100_000);

	private InferRequest read(String json) {
		return reader.read(json.getBytes(StandardCharsets.UTF_8), null);
	}

	private OipException refused(String json) {
		return refused(json.getBytes(StandardCharsets.UTF_8), null, null);
	}

	private OipException refused(byte[] body, String header, ModelSignature signature) {
		OipException ex = catchThrowableOfType(OipException.class, () -> reader.read(body, header, signature));
		assertThat(ex).as("refused").isNotNull();
		return ex;
	}

	private static String input(String datatype, String shape, String data) {
		return "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"" + datatype + "\",\"shape\":" + shape + ",\"data\":"
				+ data + "}]}";
	}

	private static byte[] binaryBody(String json, byte[]... tensors) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(json.getBytes(StandardCharsets.UTF_8));
		for (byte[] t : tensors) {
			out.writeBytes(t);
		}
		return out.toByteArray();
	}

	private static byte[] le(float... values) {
		ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		for (float v : values) {
			b.putFloat(v);
		}
		return b.array();
	}

	// ---- values

	@Test
	void nestedAndFlatDataAreTheSame() {
		InferRequest flat = read(input("FP32", "[3,2]", "[1,2,3,4,5,6]"));
		InferRequest nested = read(input("FP32", "[3,2]", "[[1,2],[3,4],[5,6]]"));
		assertThat(nested.input("input").floats()).containsExactly(flat.input("input").floats())
			.containsExactly(1, 2, 3, 4, 5, 6);
		InferRequest rank3 = read(input("FP64", "[2,1,2]", "[[[1,2]],[[3,4]]]"));
		assertThat(rank3.input("input").doubles()).containsExactly(1, 2, 3, 4);
	}

	@Test
	void fieldsInAnyOrder() {
		InferRequest r = read("{\"inputs\":[{\"data\":[[1.5,2],[3,4]],\"shape\":[2,2],\"name\":\"input\","
				+ "\"datatype\":\"FP64\"}],\"id\":\"x\"}");
		assertThat(r.input("input").doubles()).containsExactly(1.5, 2, 3, 4);
		assertThat(r.id()).isEqualTo("x");
	}

	@Test
	void fp32RoundsEachNumberToFloat32AndFp64KeepsFloat64() {
		InferRequest r32 = read(input("FP32", "[1]", "[0.1]"));
		InferRequest r64 = read(input("FP64", "[1]", "[0.1]"));
		assertThat(r32.input("input").floats()).containsExactly(0.1f);
		assertThat(r64.input("input").doubles()).containsExactly(0.1);
		assertThat(r32.input("input").computeType()).isEqualTo(Datatype.FP32);
	}

	@Test
	void integerTypesAreComputedInFloat32() {
		InferRequest r = read(input("INT64", "[2,2]", "[[1,-2],[16777217,3.0]]"));
		InferInput in = r.input("input");
		assertThat(in.datatype()).isEqualTo(Datatype.INT64);
		assertThat(in.computeType()).isEqualTo(Datatype.FP32);
		assertThat(in.floats()).containsExactly(1f, -2f, 16777216f, 3f);
		assertThat(read(input("UINT8", "[2]", "[0,255]")).input("input").floats()).containsExactly(0f, 255f);
	}

	@Test
	void scalarAndEmptyTensors() {
		assertThat(read(input("FP32", "[]", "[7]")).input("input").floats()).containsExactly(7f);
		assertThat(read(input("FP32", "[0,2]", "[]")).input("input").floats()).isEmpty();
	}

	@Test
	void parametersKeepTheirTypes() {
		InferRequest r = read("{\"parameters\":{\"alpha\":0.5,\"n\":3,\"on\":true,\"s\":\"x\",\"gone\":null},"
				+ "\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1],"
				+ "\"parameters\":{\"content_type\":\"np\"}}],\"model_name\":\"relu\"}");
		assertThat(r.parameters()).containsExactly(Map.entry("alpha", 0.5), Map.entry("n", 3L), Map.entry("on", true),
				Map.entry("s", "x"));
		assertThat(r.input("input").parameters()).containsEntry("content_type", "np");
	}

	@Test
	void outputSettingsResolveAgainstBinaryDataOutput() {
		InferRequest r = read("{\"parameters\":{\"binary_data_output\":true},\"inputs\":"
				+ "[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,2],\"data\":[1,2]}],"
				+ "\"outputs\":[{\"name\":\"output\",\"parameters\":{\"classification\":2}},"
				+ "{\"name\":\"argmax\",\"parameters\":{\"binary_data\":false}}]}");
		assertThat(r.outputs()).extracting(RequestedOutput::binaryData).containsExactly(true, false);
		assertThat(r.outputs()).extracting(RequestedOutput::classification).containsExactly(2, 0);
	}

	// ---- binary tensor data

	@Test
	void binaryRoundTrip() {
		String json = "{\"inputs\":[{\"name\":\"a\",\"datatype\":\"FP32\",\"shape\":[2,2],"
				+ "\"parameters\":{\"binary_data_size\":16}},"
				+ "{\"name\":\"b\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[9]},"
				+ "{\"name\":\"c\",\"datatype\":\"INT32\",\"shape\":[2],\"parameters\":{\"binary_data_size\":8}},"
				+ "{\"name\":\"d\",\"datatype\":\"FP64\",\"shape\":[1],\"parameters\":{\"binary_data_size\":8}}]}";
		byte[] ints = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-3).putInt(70000).array();
		byte[] dbl = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1).array();
		byte[] body = binaryBody(json, le(1.5f, -0.0f, 3e-38f, Float.MAX_VALUE), ints, dbl);
		InferRequest r = reader.read(body, String.valueOf(json.length()));
		assertThat(r.input("a").floats()).containsExactly(1.5f, -0.0f, 3e-38f, Float.MAX_VALUE);
		assertThat(r.input("a").binary()).isTrue();
		assertThat(r.input("b").floats()).containsExactly(9f);
		assertThat(r.input("c").floats()).containsExactly(-3f, 70000f);
		assertThat(r.input("d").doubles()).containsExactly(0.1);
	}

	@Test
	void binaryMistakes() {
		String json = "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[2,2],"
				+ "\"parameters\":{\"binary_data_size\":12}}]}";
		OipException wrongSize = refused(binaryBody(json, le(1, 2, 3)), String.valueOf(json.length()), null);
		assertThat(wrongSize.status()).isEqualTo(400);
		assertThat(wrongSize.getMessage())
			.contains("inputs[0].parameters.binary_data_size: 12 bytes, but [2, 2] FP32 takes 4 × 4 = 16 bytes");

		String json16 = json.replace("12", "16");
		OipException shortBody = refused(binaryBody(json16, le(1, 2, 3)), String.valueOf(json16.length()), null);
		assertThat(shortBody.getMessage())
			.contains("inputs[0].parameters.binary_data_size: 16 bytes, but only 12 bytes of the body are left for it");

		OipException extra = refused(binaryBody(json16, le(1, 2, 3, 4, 5)), String.valueOf(json16.length()), null);
		assertThat(extra.getMessage()).contains("body: 4 bytes after the JSON header");

		OipException noHeader = refused(binaryBody(json16, le(1, 2, 3, 4)), null, null);
		assertThat(noHeader.getMessage()).contains("body: has more after the JSON object; binary tensor data",
				"inputs[0].parameters.binary_data_size: binary tensor data needs the Inference-Header-Content-Length header");

		OipException nan = refused(binaryBody(json16, le(1, Float.NaN, 3, Float.POSITIVE_INFINITY)),
				String.valueOf(json16.length()), null);
		assertThat(nan.getMessage()).contains("inputs[0].data: the binary data holds 2 NaN or infinite values");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "500|is more than the", "x1|must be the length in bytes",
			"-4|must be the length in bytes", "0|0 (a raw binary request" })
	void headerLengthMistakes(String header, String message) {
		OipException ex = refused(input("FP32", "[1]", "[1]").getBytes(StandardCharsets.UTF_8), header, null);
		assertThat(ex.status()).isEqualTo(400);
		assertThat(ex.getMessage()).startsWith("Inference-Header-Content-Length: ").contains(message);
	}

	// ---- mistakes, each named

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			// datatypes
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP8\",\"shape\":[1],\"data\":[1]}]}'|inputs[0].datatype: must be one of BOOL",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"fp32\",\"shape\":[1],\"data\":[1]}]}'|(data types are upper case)",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"BYTES\",\"shape\":[1],\"data\":[\"a\"]}]}'|inputs[0].datatype: BYTES cannot feed",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP16\",\"shape\":[1],\"data\":[1]}]}'|inputs[0].datatype: FP16 is not supported",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"BOOL\",\"shape\":[1],\"data\":[true]}]}'|inputs[0].datatype: BOOL is not supported",
			// shapes and counts
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[2,2],\"data\":[1,2,3]}]}'|inputs[0].data: has 3 values, but shape [2, 2] holds 4",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[-1,2],\"data\":[1,2]}]}'|inputs[0].shape[0]: must not be negative, not -1 (-1 is for model metadata",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1.5],\"data\":[1]}]}'|inputs[0].shape[0]: must be a whole number, not the number 1.5",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":\"2\",\"data\":[1]}]}'|inputs[0].shape: must be an array of dimension sizes, not the string",
			// nesting
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[2,2],\"data\":[[1,2,3],[4]]}]}'|inputs[0].data[0]: has 3 elements, but dimension 1 of shape [2, 2] is 2",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[2,2],\"data\":[[1,2],3,4]}]}'|inputs[0].data[1]: must be an array: nested data nests as the shape",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[4],\"data\":[[1,2],[3,4]]}]}'|inputs[0].data[0]: must be a number: data is flat",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,2],\"data\":[[1,[2]]]}]}'|inputs[0].data[0][1]: must be a number: the data nests deeper",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,4],\"data\":[[1,2,3,4]]}]}'|-",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[2,2],\"data\":[[1,2,3,4]]}]}'|inputs[0].data: has 1 elements, but dimension 0 of shape [2, 2] is 2",
			// values
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[2],\"data\":[1,\"a\"]}]}'|inputs[0].data[1]: must be a number, not the string \"a\"",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[2],\"data\":[1,\"NaN\"]}]}'|(NaN and infinities are not allowed",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[2],\"data\":[NaN,1]}]}'|inputs[0].data[0]: must be a finite number, not NaN",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP64\",\"shape\":[2],\"data\":[-Infinity,1]}]}'|inputs[0].data[0]: must be a finite number, not -Infinity",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[2],\"data\":[1e39,1]}]}'|inputs[0].data[0]: 1e39 is outside the float32 range",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP64\",\"shape\":[1],\"data\":[1e309]}]}'|inputs[0].data[0]: 1e309 is outside the float64 range",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[2],\"data\":[null,true]}]}'|inputs[0].data[0]: must be a number, not null; inputs[0].data[1]: must be a number, not a boolean",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"INT8\",\"shape\":[2],\"data\":[128,1.5]}]}'|inputs[0].data[0]: 128 is out of the range of INT8 (-128 to 127); inputs[0].data[1]: must be a whole number for INT8, not 1.5",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"UINT64\",\"shape\":[1],\"data\":[-1]}]}'|inputs[0].data[0]: -1 is out of the range of UINT64 (0 to 18446744073709551615)",
			// fields
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]}],\"input\":[]}'|input: unknown field; the fields here are id, parameters, inputs, outputs, model_name, model_version",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1],\"dtype\":1}]}'|inputs[0].dtype: unknown field; the fields here are name, shape, datatype, parameters, data",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]}],\"id\":42}'|id: must be a string, not the number 42",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]}],\"id\":\"a\",\"id\":\"b\"}'|id: is given twice",
			"'{\"inputs\":[{\"datatype\":\"FP32\",\"data\":[1]}]}'|inputs[0].name: is required; inputs[0].shape: is required",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1]}]}'|inputs[0]: has no values: give 'data', or parameters.binary_data_size",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1],\"parameters\":{\"binary_data_size\":4}}]}'|inputs[0]: gives both 'data' and parameters.binary_data_size",
			"'{\"inputs\":[]}'|inputs: must hold at least one input tensor", "'{\"id\":\"1\"}'|inputs: is required",
			"'[1,2]'|body: must be a JSON object (an inference request), not an array",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]}]'|body: is not valid JSON",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]},{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]}]}'|inputs[1].name: 'input' is given twice",
			// parameters
			"'{\"parameters\":{\"binary_data_output\":\"yes\"},\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]}]}'|parameters.binary_data_output: must be true or false, not the string \"yes\"",
			"'{\"parameters\":{\"h\":{\"a\":1}},\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]}]}'|parameters.h: must be a string, a number or a boolean (a parameter's value), not an object",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1],\"parameters\":{\"binary_data_size\":-4}}]}'|inputs[0].parameters.binary_data_size: must not be negative, not -4",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"parameters\":{\"shared_memory_region\":\"r\"}}]}'|inputs[0].parameters.shared_memory_region: shared memory is not supported",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]}],\"outputs\":[{\"name\":\"output\",\"parameters\":{\"classification\":-1}}]}'|outputs[0].parameters.classification: must be a whole number from 0 to",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]}],\"outputs\":[{\"parameters\":{}}]}'|outputs[0].name: is required",
			"'{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]}],\"outputs\":[{\"name\":\"o\"},{\"name\":\"o\"}]}'|outputs[1].name: 'o' is asked for twice" })
	void eachMistakeIsNamed(String json, String message) {
		if (message.equals("-")) {
			// [[1,2,3,4]] for [1, 4] nests as the shape: accepted
			assertThat(read(json).input("input").floats()).containsExactly(1, 2, 3, 4);
			return;
		}
		OipException ex = refused(json);
		assertThat(ex.status()).isEqualTo(400);
		assertThat(ex.getMessage()).contains(message);
		OipSchemas.assertValid("error", "{\"error\":"
				+ tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(ex.toResponse().error())
				+ "}");
	}

	@Test
	void allMistakesAtOnce() {
		OipException ex = refused("{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP33\",\"shape\":[2,-2],"
				+ "\"data\":[1]},{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[2],\"data\":[1,\"b\"]}],"
				+ "\"outputs\":[{\"name\":\"output\",\"parameters\":{\"binary_data\":1}}],\"extra\":true}");
		assertThat(ex.mistakes()).containsExactly(
				"inputs[0].datatype: must be one of " + Datatype.names() + ", not 'FP33'",
				"inputs[0].shape[1]: must not be negative, not -2",
				"inputs[1].data[1]: must be a number, not the string \"b\"",
				"outputs[0].parameters.binary_data: must be true or false, not the number 1",
				"extra: unknown field; the fields here are id, parameters, inputs, outputs, model_name, model_version");
		assertThat(ex.getMessage()).isEqualTo(String.join("; ", ex.mistakes()));
	}

	@Test
	void manyBadValuesAreCountedNotAllListed() {
		StringBuilder data = new StringBuilder("[");
		for (int i = 0; i < 500; i++) {
			data.append(i > 0 ? "," : "").append("\"v\"");
		}
		OipException ex = refused(input("FP32", "[500]", data.append(']').toString()));
		assertThat(ex.mistakes()).hasSize(OipException.MAX_LISTED + 1)
			.last()
			.isEqualTo("and 400 more mistakes of the same kinds");
	}

	@Test
	void theModelSignatureIsCheckedWithEverythingElse() {
		String json = "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1,2],\"data\":[1,2]},"
				+ "{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[2,3],\"data\":[1,2,3,4,5,6]}],"
				+ "\"outputs\":[{\"name\":\"argmax\",\"parameters\":{\"classification\":2}},{\"name\":\"logits\"}]}";
		OipException ex = refused(json.getBytes(StandardCharsets.UTF_8), null, MODEL);
		assertThat(ex.mistakes()).containsExactly("inputs[0].name: the model has no input 'x'; its inputs: 'input'",
				"inputs[1].shape: must fit the model's shape [-1, 2], not [2, 3]",
				"outputs[0].parameters.classification: applies to an output of shape [batch, classes]; 'argmax' has shape [-1]",
				"outputs[1].name: the model has no output 'logits'; its outputs: 'output', 'argmax'");
		OipException missing = refused(
				"{\"inputs\":[{\"name\":\"y\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]}]}"
					.getBytes(StandardCharsets.UTF_8),
				null, MODEL);
		assertThat(missing.getMessage()).contains("inputs: the model's input 'input' is missing");
	}

	// ---- limits

	@Test
	void tooManyValuesIs413BeforeReadingThem() {
		OipException ex = refused(input("FP32", "[100000000,2]", "[1]"));
		assertThat(ex.status()).isEqualTo(413);
		assertThat(ex.getMessage()).contains(
				"inputs[0].shape: [100000000, 2] holds 200000000 values; the request would hold more than the limit of 1000 values");
		OipException two = refused("{\"inputs\":[{\"name\":\"a\",\"datatype\":\"FP32\",\"shape\":[600],"
				+ "\"parameters\":{\"binary_data_size\":2400}},{\"name\":\"b\",\"datatype\":\"FP32\",\"shape\":[600],"
				+ "\"parameters\":{\"binary_data_size\":2400}}]}");
		assertThat(two.status()).isEqualTo(413);
		assertThat(two.getMessage()).startsWith("inputs[1].shape:");
	}

	@Test
	void tooLargeABodyIs413() {
		OipException ex = refused(new byte[100_001], null, null);
		assertThat(ex.status()).isEqualTo(413);
		assertThat(ex.getMessage()).isEqualTo("body: 100001 bytes, more than the limit of 100000 bytes per request");
	}

	@Test
	void aLargeBatchStreamsIn() {
		InferRequestReader big = new InferRequestReader(4_000_000, 16 << 20);
		int rows = 100_000;
		StringBuilder data = new StringBuilder(rows * 24).append('[');
		for (int i = 0; i < rows; i++) {
			data.append(i > 0 ? "," : "").append('[').append(i * 0.25f).append(',').append(-i).append(']');
		}
		data.append(']');
		InferRequest r = big.read(input("FP32", "[" + rows + ",2]", data.toString()).getBytes(StandardCharsets.UTF_8),
				null);
		float[] v = r.input("input").floats();
		assertThat(v).hasSize(2 * rows);
		assertThat(v[2 * 77_777]).isEqualTo(77_777 * 0.25f);
		assertThat(v[2 * 99_999 + 1]).isEqualTo(-99_999f);
	}

}
