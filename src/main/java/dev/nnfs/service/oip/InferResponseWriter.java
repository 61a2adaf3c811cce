package dev.nnfs.service.oip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nnfs.service.tensor.FloatArraySerializer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.io.schubfach.DoubleToDecimal;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes an {@link InferResponse} as the protocol's {@code $inference_response}: JSON
 * only, or, when an output is binary, the JSON header followed by each binary output's
 * bytes in the order of the outputs (Triton's binary tensor data extension:
 * little-endian, row-major, no padding; a BYTES element is a 4-byte little-endian length
 * and its UTF-8 bytes), with {@code parameters.binary_data_size} on each binary output
 * and no {@code data}.
 *
 * <p>
 * JSON {@code data} is flat (row-major), as Triton and KServe write it. FP32 values are
 * written in their shortest float32 round-trip form ({@code 0.1}, not
 * {@code 0.10000000149011612}), FP64 values in their shortest float64 round-trip form
 * (Schubfach, the digits of JDK 19+'s {@code Double.toString}), INT64 as integers, BYTES
 * as strings. JSON has no NaN or infinity: a non-finite value in a JSON output is a
 * programming error ({@link IllegalArgumentException}); callers refuse such results
 * first.
 */
public final class InferResponseWriter {

	private static final JsonFactory JSON = JsonFactory.builder().build();

	private static final FloatArraySerializer FLOATS = new FloatArraySerializer();

	public EncodedResponse write(InferResponse response) {
		List<EncodedResponse.BinaryTensor> binaries = new ArrayList<>();
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
			g.writeStartObject();
			g.writeStringProperty("model_name", response.modelName());
			if (response.modelVersion() != null) {
				g.writeStringProperty("model_version", response.modelVersion());
			}
			if (response.id() != null) {
				g.writeStringProperty("id", response.id());
			}
			if (!response.parameters().isEmpty()) {
				g.writeName("parameters");
				parameters(g, response.parameters());
			}
			g.writeName("outputs");
			g.writeStartArray();
			for (OutputTensor t : response.outputs()) {
				g.writeStartObject();
				g.writeStringProperty("name", t.name());
				g.writeStringProperty("datatype", t.datatype().name());
				g.writeName("shape");
				g.writeStartArray();
				for (long d : t.shape()) {
					g.writeNumber(d);
				}
				g.writeEndArray();
				Map<String, Object> params = new LinkedHashMap<>(t.parameters());
				EncodedResponse.BinaryTensor binary = null;
				if (t.binary()) {
					binary = binary(t);
					params.put("binary_data_size", binary.byteSize());
				}
				if (!params.isEmpty()) {
					g.writeName("parameters");
					parameters(g, params);
				}
				if (binary != null) {
					if (binary.byteSize() > 0) {
						binaries.add(binary);
					}
				}
				else {
					g.writeName("data");
					data(g, t);
				}
				g.writeEndObject();
			}
			g.writeEndArray();
			g.writeEndObject();
		}
		return new EncodedResponse(out.toByteArray(), binaries);
	}

	private static void parameters(JsonGenerator g, Map<String, Object> params) {
		g.writeStartObject();
		for (Map.Entry<String, Object> e : params.entrySet()) {
			g.writeName(e.getKey());
			Object v = e.getValue();
			if (v instanceof Boolean b) {
				g.writeBoolean(b);
			}
			else if (v instanceof Long || v instanceof Integer) {
				g.writeNumber(((Number) v).longValue());
			}
			else if (v instanceof Number n) {
				g.writeNumber(DoubleToDecimal.toString(n.doubleValue()));
			}
			else {
				g.writeString(String.valueOf(v));
			}
		}
		g.writeEndObject();
	}

	private static void data(JsonGenerator g, OutputTensor t) {
		switch (t.datatype()) {
			case FP32 -> {
				float[] v = (float[]) t.values();
				for (int i = 0; i < v.length; i++) {
					if (!Float.isFinite(v[i])) {
						throw nonFinite(t, i);
					}
				}
				FLOATS.serialize(v, g, null);
			}
			case FP64 -> {
				double[] v = (double[]) t.values();
				g.writeStartArray();
				for (int i = 0; i < v.length; i++) {
					if (!Double.isFinite(v[i])) {
						throw nonFinite(t, i);
					}
					g.writeNumber(DoubleToDecimal.toString(v[i]));
				}
				g.writeEndArray();
			}
			case INT64 -> {
				g.writeStartArray();
				for (long x : (long[]) t.values()) {
					g.writeNumber(x);
				}
				g.writeEndArray();
			}
			default -> {
				g.writeStartArray();
				for (String s : (String[]) t.values()) {
					g.writeString(s);
				}
				g.writeEndArray();
			}
		}
	}

	private static IllegalArgumentException nonFinite(OutputTensor t, int i) {
		return new IllegalArgumentException(
				"output '" + t.name() + "' holds a non-finite value at element " + i + ", which JSON cannot carry");
	}

	/**
	 * The little-endian bytes of an output, made a chunk at a time as they are written.
	 */
	private static EncodedResponse.BinaryTensor binary(OutputTensor t) {
		Datatype d = t.datatype();
		if (d == Datatype.BYTES) {
			String[] v = (String[]) t.values();
			byte[][] utf8 = new byte[v.length][];
			long size = 0;
			for (int i = 0; i < v.length; i++) {
				utf8[i] = v[i].getBytes(StandardCharsets.UTF_8);
				size += 4 + utf8[i].length;
			}
			long byteSize = size;
			return new EncodedResponse.BinaryTensor() {

				@Override
				public long byteSize() {
					return byteSize;
				}

				@Override
				public void writeTo(OutputStream out) throws IOException {
					ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
					for (byte[] b : utf8) {
						len.clear();
						out.write(len.putInt(b.length).array());
						out.write(b);
					}
				}

			};
		}
		int n = t.size();
		long byteSize = (long) n * d.byteSize();
		return new EncodedResponse.BinaryTensor() {

			@Override
			public long byteSize() {
				return byteSize;
			}

			@Override
			public void writeTo(OutputStream out) throws IOException {
				int chunk = 8192 / d.byteSize();
				ByteBuffer buf = ByteBuffer.allocate(chunk * d.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
				for (int from = 0; from < n; from += chunk) {
					int count = Math.min(chunk, n - from);
					buf.clear();
					switch (d) {
						case FP32 -> buf.asFloatBuffer().put((float[]) t.values(), from, count);
						case FP64 -> buf.asDoubleBuffer().put((double[]) t.values(), from, count);
						default -> buf.asLongBuffer().put((long[]) t.values(), from, count);
					}
					out.write(buf.array(), 0, count * d.byteSize());
				}
			}

			@Override
			public void copyInto(ByteBuffer out) {
				ByteBuffer le = out.order(ByteOrder.LITTLE_ENDIAN);
				switch (d) {
					case FP32 -> le.asFloatBuffer().put((float[]) t.values(), 0, n);
					case FP64 -> le.asDoubleBuffer().put((double[]) t.values(), 0, n);
					default -> le.asLongBuffer().put((long[]) t.values(), 0, n);
				}
			}

		};
	}

}
