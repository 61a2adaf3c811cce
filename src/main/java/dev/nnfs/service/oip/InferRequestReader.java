package dev.nnfs.service.oip;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.nnfs.service.tensor.JsonBody;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Reads an Open Inference Protocol v2 inference request ({@code $inference_request}) from
 * the raw body and its {@code Inference-Header-Content-Length} header (Triton's binary
 * tensor data extension), checks all of it, and answers an {@link InferRequest} or an
 * {@link OipException} naming every mistake found ({@code inputs[0].shape: ...}).
 *
 * <p>
 * The JSON is read from a streaming parser: tensor {@code data} goes from the token
 * stream straight into a {@code float[]} or {@code double[]} of the size the shape
 * declares, with no tree and no boxing. Binary tensor data is read from the bytes after
 * the JSON header, little-endian and row-major, in the order of the inputs that declare a
 * {@code binary_data_size}.
 *
 * <p>
 * What is accepted, and how strictly, is written down in {@code docs/oip.md}: in short,
 * every field of the protocol is type-checked, unknown fields are refused except inside
 * {@code parameters} (the protocol's place for extensions), FP32 and FP64 tensors are
 * computed in their own type, integer tensors are converted to FP32, and BOOL, BYTES,
 * FP16 and BF16 inputs are refused.
 */
public final class InferRequestReader {

	/** The header giving the length of the JSON part of a body with binary tensors. */
	public static final String HEADER_LENGTH = "Inference-Header-Content-Length";

	static final List<String> REQUEST_FIELDS = List.of("id", "parameters", "inputs", "outputs", "model_name",
			"model_version");

	static final List<String> INPUT_FIELDS = List.of("name", "shape", "datatype", "parameters", "data");

	static final List<String> OUTPUT_FIELDS = List.of("name", "parameters");

	private static final Set<String> SHARED_MEMORY = Set.of("shared_memory_region", "shared_memory_offset",
			"shared_memory_byte_size");

	private static final JsonFactory JSON = JsonFactory.builder()
		.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
		.build();

	private final long maxValues;

	private final long maxBodyBytes;

	/**
	 * @param maxValues most tensor elements of all inputs of one request together (413
	 * beyond)
	 * @param maxBodyBytes most bytes of one body (413 beyond)
	 */
	public InferRequestReader(long maxValues, long maxBodyBytes) {
		if (maxValues < 1 || maxBodyBytes < 1) {
			throw new IllegalArgumentException("limits must be positive");
		}
		this.maxValues = Math.min(maxValues, Integer.MAX_VALUE - 8);
		this.maxBodyBytes = maxBodyBytes;
	}

	/** Reads a request without checking it against a model's inputs and outputs. */
	public InferRequest read(byte[] body, String inferenceHeaderContentLength) {
		return read(body, inferenceHeaderContentLength, null);
	}

	/**
	 * Reads a request and checks it against {@code signature} (when not null): input and
	 * output names, input shapes, and that classification is asked of a
	 * {@code [batch, classes]} output.
	 * @param body the whole request body
	 * @param inferenceHeaderContentLength the header's value, or null for a body that is
	 * JSON only
	 * @throws OipException 400 naming every mistake, or 413 over a limit
	 */
	public InferRequest read(byte[] body, String inferenceHeaderContentLength, ModelSignature signature) {
		byte[] bytes = body == null ? new byte[0] : body;
		if (bytes.length > maxBodyBytes) {
			throw OipException.tooLarge(
					"body: " + bytes.length + " bytes, more than the limit of " + maxBodyBytes + " bytes per request");
		}
		int jsonLength = jsonLength(bytes.length, inferenceHeaderContentLength);
		return new Reading(bytes, jsonLength, inferenceHeaderContentLength != null, signature).read();
	}

	private static int jsonLength(int bodyLength, String header) {
		if (header == null) {
			return bodyLength;
		}
		String h = header.strip();
		if (h.isEmpty() || h.length() > 10 || !h.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw OipException
				.badRequest(HEADER_LENGTH + ": must be the length in bytes of the JSON part of the body, not '"
						+ JsonBody.quote(header) + "'");
		}
		long n = Long.parseLong(h);
		if (n > bodyLength) {
			throw OipException
				.badRequest(HEADER_LENGTH + ": " + n + " is more than the " + bodyLength + " bytes of the body");
		}
		if (n == 0) {
			throw OipException.badRequest(HEADER_LENGTH
					+ ": 0 (a raw binary request without a JSON header) is not supported; send the JSON inference request first and give its length");
		}
		return (int) n;
	}

	/** What is known of one input once its JSON object has been read. */
	private static final class Input {

		final String where;

		String name;

		Datatype datatype;

		long[] shape;

		long count = -1;

		Map<String, Object> parameters = Map.of();

		Long binarySize;

		boolean hasData;

		boolean counted;

		int dataStart = -1;

		int dataEnd = -1;

		float[] floats;

		double[] doubles;

		Input(String where) {
			this.where = where;
		}

		/** Datatype and shape are known and good: values can be read. */
		boolean readable() {
			return datatype != null && count >= 0;
		}

		void allocate() {
			if (datatype == Datatype.FP64) {
				doubles = new double[(int) count];
			}
			else {
				floats = new float[(int) count];
			}
		}

		void set(int i, double d) {
			if (floats != null) {
				floats[i] = (float) d;
			}
			else {
				doubles[i] = d;
			}
		}

		void set(int i, float f) {
			if (floats != null) {
				floats[i] = f;
			}
			else {
				doubles[i] = f;
			}
		}

	}

	/** One request being read: its bytes, the parser, and the mistakes found so far. */
	private final class Reading {

		private final byte[] body;

		private final int jsonLength;

		private final boolean headerGiven;

		private final ModelSignature signature;

		private final List<String> mistakes = new ArrayList<>();

		private int unlisted;

		private long values;

		private JsonParser p;

		Reading(byte[] body, int jsonLength, boolean headerGiven, ModelSignature signature) {
			this.body = body;
			this.jsonLength = jsonLength;
			this.headerGiven = headerGiven;
			this.signature = signature;
		}

		private void bad(String where, String what) {
			if (mistakes.size() < OipException.MAX_LISTED) {
				mistakes.add(where + ": " + what);
			}
			else {
				unlisted++;
			}
		}

		private OipException refusal(int status) {
			List<String> all = new ArrayList<>(mistakes);
			if (unlisted > 0) {
				all.add("and " + unlisted + " more mistakes of the same kinds");
			}
			return new OipException(status, all);
		}

		InferRequest read() {
			if (jsonLength == 0) {
				throw OipException.badRequest("body: must be a JSON inference request object, not empty");
			}
			String[] id = new String[1];
			Map<String, Object> parameters = new LinkedHashMap<>();
			List<Input> inputs = new ArrayList<>();
			List<Object[]> outputs = new ArrayList<>();
			boolean[] inputsGiven = new boolean[1];
			try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body, 0, jsonLength)) {
				p = parser;
				JsonToken t = p.nextToken();
				if (t != JsonToken.START_OBJECT) {
					bad("body", "must be a JSON object (an inference request), not " + describe(t));
					throw refusal(400);
				}
				object("body", REQUEST_FIELDS, (name, where) -> {
					switch (name) {
						case "id" -> id[0] = string(where);
						case "parameters" -> parameters.putAll(parameters(where, ParameterOwner.REQUEST));
						case "inputs" -> {
							inputsGiven[0] = true;
							list(where, (at) -> {
								Input in = input(at);
								if (in != null) {
									inputs.add(in);
								}
							});
						}
						case "outputs" -> list(where, (at) -> {
							Object[] out = output(at);
							if (out != null) {
								outputs.add(out);
							}
						});
						default -> string(where); // model_name, model_version: the path
													// names the model
					}
				});
				try {
					t = p.nextToken();
				}
				catch (JacksonException ex) {
					t = JsonToken.NOT_AVAILABLE;
				}
				if (t != null) {
					bad("body", "has more after the JSON object" + (headerGiven ? ""
							: "; binary tensor data after the JSON needs the " + HEADER_LENGTH + " header"));
				}
			}
			catch (StreamConstraintsException ex) {
				bad("body", "goes over a JSON reading limit: " + ex.getOriginalMessage());
				throw refusal(400);
			}
			catch (JacksonException ex) {
				bad("body", "is not valid JSON: " + ex.getOriginalMessage()
						+ (ex.getLocation() == null ? "" : " (at byte " + ex.getLocation().getByteOffset() + ")"));
				throw refusal(400);
			}
			if (!inputsGiven[0]) {
				bad("inputs", "is required: the input tensors");
			}
			else if (inputs.isEmpty() && mistakes.isEmpty()) {
				bad("inputs", "must hold at least one input tensor");
			}
			readDeferredData(inputs);
			checkNames(inputs, outputs);
			readBinary(inputs);
			if (!mistakes.isEmpty() || unlisted > 0) {
				throw refusal(400);
			}
			boolean binaryDataOutput = Boolean.TRUE.equals(parameters.get("binary_data_output"));
			List<InferInput> ins = inputs.stream()
				.map((in) -> new InferInput(in.name, in.datatype, in.shape, in.parameters, in.floats, in.doubles,
						in.binarySize != null))
				.toList();
			List<RequestedOutput> outs = new ArrayList<>();
			for (Object[] o : outputs) {
				@SuppressWarnings("unchecked")
				Map<String, Object> params = (Map<String, Object>) o[1];
				Object binary = params.get("binary_data");
				Object k = params.get("classification");
				outs.add(new RequestedOutput((String) o[0], params, binary instanceof Boolean b ? b : binaryDataOutput,
						k == null ? 0 : ((Long) k).intValue()));
			}
			return new InferRequest(id[0], parameters, ins, outs, binaryDataOutput);
		}

		// ---- inputs

		private Input input(String at) {
			Input in = new Input(at);
			Set<String> seen = new HashSet<>();
			boolean present = object(at, INPUT_FIELDS, (name, where) -> {
				seen.add(name);
				switch (name) {
					case "name" -> in.name = string(where);
					case "datatype" -> in.datatype = datatype(where);
					case "shape" -> in.shape = shape(where);
					case "parameters" -> in.parameters = inputParameters(in, where);
					default -> data(in, where);
				}
			});
			if (!present) {
				return null;
			}
			for (String required : List.of("name", "shape", "datatype")) {
				if (!seen.contains(required)) {
					bad(at + "." + required, "is required");
				}
			}
			if (in.shape != null && !in.counted) {
				in.count = count(in.shape, at + ".shape");
			}
			if (in.hasData && in.binarySize != null) {
				bad(at, "gives both 'data' and parameters.binary_data_size; an input's values come one way");
			}
			else if (!in.hasData && in.binarySize == null) {
				bad(at, "has no values: give 'data', or parameters.binary_data_size and the bytes after the JSON");
			}
			return in;
		}

		/**
		 * The element count of a good shape, counted against the limit; -1 if not good.
		 */
		private long count(long[] shape, String where) {
			long n = Shapes.product(shape);
			if (n < 0) {
				bad(where, Shapes.toString(shape) + " has more elements than a 64-bit count holds");
				return -1;
			}
			if (values + n > maxValues) {
				bad(where, Shapes.toString(shape) + " holds " + n
						+ " values; the request would hold more than the limit of " + maxValues + " values");
				throw refusal(413);
			}
			values += n;
			return n;
		}

		private Datatype datatype(String where) {
			String s = string(where);
			if (s == null) {
				return null;
			}
			Datatype d = Datatype.of(s);
			if (d == null) {
				Datatype upper = Datatype.of(s.toUpperCase(Locale.ROOT));
				bad(where, "must be one of " + Datatype.names() + ", not '" + JsonBody.quote(s) + "'"
						+ (upper != null ? " (data types are upper case)" : ""));
				return null;
			}
			switch (d) {
				case BYTES -> bad(where, "BYTES cannot feed a model that computes with numbers; send FP32 or FP64");
				case BOOL -> bad(where, "BOOL is not supported; send FP32 or FP64");
				case FP16, BF16 -> bad(where, d + " is not supported; send FP32 or FP64");
				default -> {
					return d;
				}
			}
			return null;
		}

		private long[] shape(String where) {
			if (p.currentToken() == JsonToken.VALUE_NULL) {
				return null;
			}
			if (p.currentToken() != JsonToken.START_ARRAY) {
				mismatch(where, "must be an array of dimension sizes");
				return null;
			}
			List<Long> dims = new ArrayList<>();
			boolean good = true;
			for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
				String at = where + "[" + dims.size() + "]";
				Long d = integer(at);
				if (d == null) {
					good = false;
				}
				else if (d < 0) {
					bad(at, "must not be negative, not " + d
							+ (d == -1 ? " (-1 is for model metadata; a request gives each dimension's size)" : ""));
					good = false;
				}
				dims.add(d == null ? 0 : d);
			}
			if (!good) {
				return null;
			}
			return dims.stream().mapToLong(Long::longValue).toArray();
		}

		private Map<String, Object> inputParameters(Input in, String where) {
			Map<String, Object> params = parameters(where, ParameterOwner.INPUT);
			Object size = params.get("binary_data_size");
			if (size != null) {
				in.binarySize = (Long) size;
			}
			return params;
		}

		/**
		 * The {@code data} field: read now if datatype and shape are known, else later.
		 */
		private void data(Input in, String where) {
			JsonToken t = p.currentToken();
			if (t == JsonToken.VALUE_NULL) {
				return;
			}
			in.hasData = true;
			if (t != JsonToken.START_ARRAY) {
				mismatch(where, "must be an array of the tensor's values, flat or nested as the shape");
				return;
			}
			if (in.datatype != null && in.shape != null) {
				in.count = count(in.shape, in.where + ".shape");
				in.counted = true;
				if (in.count < 0) {
					p.skipChildren();
				}
				else {
					in.allocate();
					new DataReader(in, where).read();
				}
				return;
			}
			in.dataStart = (int) p.currentTokenLocation().getByteOffset();
			p.skipChildren();
			in.dataEnd = (int) p.currentTokenLocation().getByteOffset() + 1;
		}

		private void readDeferredData(List<Input> inputs) {
			for (Input in : inputs) {
				if (in.dataStart < 0 || !in.readable()) {
					continue;
				}
				in.allocate();
				try (JsonParser sub = JSON.createParser(ObjectReadContext.empty(), body, in.dataStart,
						in.dataEnd - in.dataStart)) {
					JsonParser outer = p;
					p = sub;
					p.nextToken();
					new DataReader(in, in.where + ".data").read();
					p = outer;
				}
			}
		}

		// ---- outputs

		private Object[] output(String at) {
			String[] name = new String[1];
			Map<String, Object> params = new LinkedHashMap<>();
			boolean present = object(at, OUTPUT_FIELDS, (field, where) -> {
				if (field.equals("name")) {
					name[0] = string(where);
				}
				else {
					params.putAll(parameters(where, ParameterOwner.OUTPUT));
				}
			});
			if (!present) {
				return null;
			}
			if (name[0] == null) {
				bad(at + ".name", "is required");
				return null;
			}
			return new Object[] { name[0], params, at };
		}

		// ---- checks across the request

		private void checkNames(List<Input> inputs, List<Object[]> outputs) {
			Set<String> names = new HashSet<>();
			for (Input in : inputs) {
				if (in.name != null && !names.add(in.name)) {
					bad(in.where + ".name", "'" + JsonBody.quote(in.name) + "' is given twice");
				}
			}
			Set<String> outNames = new HashSet<>();
			for (Object[] o : outputs) {
				if (!outNames.add((String) o[0])) {
					bad(o[2] + ".name", "'" + JsonBody.quote((String) o[0]) + "' is asked for twice");
				}
			}
			if (signature == null) {
				return;
			}
			for (Input in : inputs) {
				if (in.name == null) {
					continue;
				}
				TensorMetadata meta = signature.input(in.name);
				if (meta == null) {
					bad(in.where + ".name", "the model has no input '" + JsonBody.quote(in.name) + "'; its inputs: "
							+ ModelSignature.names(signature.inputs()));
				}
				else if (in.shape != null && !meta.accepts(in.shape)) {
					bad(in.where + ".shape", "must fit the model's shape " + Shapes.toString(meta.shape()) + ", not "
							+ Shapes.toString(in.shape));
				}
			}
			for (TensorMetadata meta : signature.inputs()) {
				if (!names.contains(meta.name())) {
					bad("inputs", "the model's input '" + meta.name() + "' is missing");
				}
			}
			for (Object[] o : outputs) {
				TensorMetadata meta = signature.output((String) o[0]);
				if (meta == null) {
					bad(o[2] + ".name", "the model has no output '" + JsonBody.quote((String) o[0]) + "'; its outputs: "
							+ ModelSignature.names(signature.outputs()));
					continue;
				}
				@SuppressWarnings("unchecked")
				Object k = ((Map<String, Object>) o[1]).get("classification");
				if (k != null && (Long) k > 0 && meta.rank() != 2) {
					bad(o[2] + ".parameters.classification", "applies to an output of shape [batch, classes]; '"
							+ meta.name() + "' has shape " + Shapes.toString(meta.shape()));
				}
			}
		}

		// ---- binary tensor data

		private void readBinary(List<Input> inputs) {
			int at = jsonLength;
			for (Input in : inputs) {
				if (in.binarySize == null || in.hasData) {
					continue;
				}
				String where = in.where + ".parameters.binary_data_size";
				if (!headerGiven) {
					bad(where, "binary tensor data needs the " + HEADER_LENGTH
							+ " header giving the length of the JSON part of the body");
					continue;
				}
				long size = in.binarySize;
				if (in.readable() && size != in.count * in.datatype.byteSize()) {
					bad(where,
							size + " bytes, but " + Shapes.toString(in.shape) + " " + in.datatype + " takes " + in.count
									+ " × " + in.datatype.byteSize() + " = " + in.count * in.datatype.byteSize()
									+ " bytes");
				}
				if (size > body.length - at) {
					bad(where, size + " bytes, but only " + (body.length - at) + " bytes of the body are left for it");
					return;
				}
				if (in.readable() && size == in.count * in.datatype.byteSize()) {
					in.allocate();
					decode(in, ByteBuffer.wrap(body, at, (int) size).order(ByteOrder.LITTLE_ENDIAN), where);
				}
				at += (int) size;
			}
			if (at < body.length) {
				bad("body", (body.length - at) + " bytes after the JSON header (" + HEADER_LENGTH + ": " + jsonLength
						+ ") belong to no input's binary_data_size");
			}
		}

		private void decode(Input in, ByteBuffer buf, String where) {
			Datatype d = in.datatype;
			int n = (int) in.count;
			if (d == Datatype.FP32) {
				buf.asFloatBuffer().get(in.floats);
			}
			else if (d == Datatype.FP64) {
				buf.asDoubleBuffer().get(in.doubles);
			}
			else {
				for (int i = 0; i < n; i++) {
					in.set(i, switch (d) {
						case INT8 -> buf.get();
						case UINT8 -> buf.get() & 0xFF;
						case INT16 -> buf.getShort();
						case UINT16 -> buf.getShort() & 0xFFFF;
						case INT32 -> buf.getInt();
						case UINT32 -> buf.getInt() & 0xFFFF_FFFFL;
						case INT64 -> (float) buf.getLong();
						default -> unsignedToFloat(buf.getLong());
					});
				}
				return;
			}
			int bad = 0;
			int first = -1;
			for (int i = 0; i < n; i++) {
				boolean finite = in.floats != null ? Float.isFinite(in.floats[i]) : Double.isFinite(in.doubles[i]);
				if (!finite) {
					bad++;
					first = first < 0 ? i : first;
				}
			}
			if (bad > 0) {
				bad(where.replace(".parameters.binary_data_size", ".data"), "the binary data holds " + bad
						+ " NaN or infinite values (the first at element " + first + "); values must be finite");
			}
		}

		// ---- parameters

		private Map<String, Object> parameters(String where, ParameterOwner owner) {
			Map<String, Object> params = new LinkedHashMap<>();
			object(where, null, (name, at) -> {
				JsonToken t = p.currentToken();
				if (SHARED_MEMORY.contains(name) && owner != ParameterOwner.REQUEST) {
					bad(at, "shared memory is not supported by this server; send the values in the body");
					p.skipChildren();
					return;
				}
				Object value = switch (owner.typeOf(name)) {
					case "boolean" -> {
						if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
							yield t == JsonToken.VALUE_TRUE;
						}
						mismatch(at, "must be true or false");
						yield null;
					}
					case "count" -> {
						Long n = integer(at);
						if (n != null && (n < 0 || n > Integer.MAX_VALUE)) {
							bad(at, "must be a whole number from 0 to " + Integer.MAX_VALUE + ", not " + n);
							yield null;
						}
						yield n;
					}
					case "bytes" -> {
						Long n = integer(at);
						if (n != null && n < 0) {
							bad(at, "must not be negative, not " + n);
							yield null;
						}
						yield n;
					}
					default -> scalar(at);
				};
				if (value != null) {
					params.put(name, value);
				}
			});
			return params;
		}

		/** A parameter's value: a string, a Long or Double, or a Boolean. */
		private Object scalar(String at) {
			JsonToken t = p.currentToken();
			switch (t) {
				case VALUE_STRING:
					return p.getString();
				case VALUE_TRUE:
				case VALUE_FALSE:
					return t == JsonToken.VALUE_TRUE;
				case VALUE_NUMBER_INT:
					if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
						bad(at, "is out of the 64-bit integer range: " + JsonBody.quote(p.getString()));
						return null;
					}
					return p.getLongValue();
				case VALUE_NUMBER_FLOAT:
					double d = p.getDoubleValue();
					if (!Double.isFinite(d)) {
						bad(at, "must be a finite number, not " + JsonBody.quote(p.getString()));
						return null;
					}
					return d;
				case VALUE_NULL:
					return null;
				default:
					mismatch(at, "must be a string, a number or a boolean (a parameter's value)");
					return null;
			}
		}

		// ---- JSON helpers: each expects the parser on the value's first token and
		// leaves
		// it on the value's last

		@FunctionalInterface
		private interface FieldReader {

			void read(String name, String where);

		}

		@FunctionalInterface
		private interface ElementReader {

			void read(String where);

		}

		/**
		 * An object whose fields go to {@code fields}; with {@code known} null every
		 * field does, otherwise the others are refused as unknown. Fields given twice are
		 * refused.
		 * @return false when the value is not an object
		 */
		private boolean object(String at, List<String> known, FieldReader fields) {
			JsonToken t = p.currentToken();
			if (t == JsonToken.VALUE_NULL) {
				return false;
			}
			if (t != JsonToken.START_OBJECT) {
				mismatch(at, "must be a JSON object");
				return false;
			}
			Set<String> seen = new HashSet<>();
			String prefix = at.equals("body") ? "" : at + ".";
			for (t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
				String name = p.currentName();
				String where = prefix + JsonBody.quote(name);
				p.nextToken();
				if (!seen.add(name)) {
					bad(where, "is given twice");
					p.skipChildren();
				}
				else if (known == null || known.contains(name)) {
					fields.read(name, where);
				}
				else {
					bad(where, "unknown field; the fields here are " + String.join(", ", known));
					p.skipChildren();
				}
			}
			return true;
		}

		private void list(String at, ElementReader element) {
			JsonToken t = p.currentToken();
			if (t == JsonToken.VALUE_NULL) {
				return;
			}
			if (t != JsonToken.START_ARRAY) {
				mismatch(at, "must be an array");
				return;
			}
			int i = 0;
			for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
				element.read(at + "[" + i++ + "]");
			}
		}

		private String string(String at) {
			JsonToken t = p.currentToken();
			if (t == JsonToken.VALUE_NULL) {
				return null;
			}
			if (t == JsonToken.VALUE_STRING) {
				return p.getString();
			}
			mismatch(at, "must be a string");
			return null;
		}

		/** A whole number, also written {@code 3.0}; null (and a mistake) otherwise. */
		private Long integer(String at) {
			JsonToken t = p.currentToken();
			if (t == JsonToken.VALUE_NUMBER_INT) {
				if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
					bad(at, "is out of the 64-bit integer range: " + JsonBody.quote(p.getString()));
					return null;
				}
				return p.getLongValue();
			}
			if (t == JsonToken.VALUE_NUMBER_FLOAT && !p.isNaN()) {
				BigDecimal d = p.getDecimalValue();
				if (d.signum() == 0) {
					return 0L;
				}
				if (d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
					return d.longValueExact();
				}
			}
			mismatch(at, "must be a whole number");
			return null;
		}

		/** The value at {@code at} has the wrong JSON type: recorded and skipped. */
		private void mismatch(String at, String expected) {
			bad(at, expected + ", not " + describe(p.currentToken()));
			p.skipChildren();
		}

		private String describe(JsonToken t) {
			if (t == null) {
				return "the end of the document";
			}
			return switch (t) {
				case VALUE_STRING -> "the string \"" + JsonBody.quote(p.getString()) + "\"";
				case VALUE_NULL -> "null";
				case VALUE_TRUE, VALUE_FALSE -> "a boolean";
				case START_OBJECT -> "an object";
				case START_ARRAY -> "an array";
				case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + JsonBody.quote(p.getString());
				default -> t.name().toLowerCase(Locale.ROOT);
			};
		}

		/**
		 * Reads one input's {@code data} array into the input's values: flat (row-major,
		 * as many numbers as the shape holds) or nested exactly as the shape.
		 */
		private final class DataReader {

			private final Input in;

			private final String where;

			private final long[] shape;

			private int k;

			DataReader(Input in, String where) {
				this.in = in;
				this.where = where;
				this.shape = in.shape;
			}

			void read() {
				JsonToken first = p.nextToken();
				if (first == JsonToken.START_ARRAY && shape.length >= 2) {
					nested(0, where, first);
				}
				else {
					flat(first);
				}
			}

			private void flat(JsonToken first) {
				int n = 0;
				for (JsonToken t = first; t != JsonToken.END_ARRAY; t = p.nextToken()) {
					String at = where + "[" + n + "]";
					if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
						bad(at, "must be a number: data is flat (all numbers) or nested as the shape "
								+ Shapes.toString(shape) + ", not a mix"
								+ (shape.length < 2 && t == JsonToken.START_ARRAY
										? "; a tensor of shape " + Shapes.toString(shape) + " nests no arrays" : ""));
						p.skipChildren();
					}
					else {
						element(at);
					}
					n++;
				}
				if (n != in.count) {
					bad(where, "has " + n + " values, but shape " + Shapes.toString(shape) + " holds " + in.count);
				}
			}

			/**
			 * The array at nesting {@code level} (0 = data itself), its first token read.
			 */
			private void nested(int level, String at, JsonToken first) {
				boolean leaf = level == shape.length - 1;
				long n = 0;
				for (JsonToken t = first; t != JsonToken.END_ARRAY; t = p.nextToken()) {
					String element = at + "[" + n + "]";
					if (leaf) {
						if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
							bad(element,
									"must be a number: the data nests deeper than the shape " + Shapes.toString(shape));
							p.skipChildren();
						}
						else {
							element(element);
						}
					}
					else if (t == JsonToken.START_ARRAY) {
						nested(level + 1, element, p.nextToken());
					}
					else {
						bad(element, "must be an array: nested data nests as the shape " + Shapes.toString(shape)
								+ " all the way down (or is flat)");
						p.skipChildren();
					}
					n++;
				}
				if (n != shape[level]) {
					bad(at, "has " + n + " elements, but dimension " + level + " of shape " + Shapes.toString(shape)
							+ " is " + shape[level]);
				}
			}

			/** One element: a number of the input's type, stored at the next index. */
			private void element(String at) {
				JsonToken t = p.currentToken();
				if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
					bad(at, "must be a number, not " + describeValue(t));
					k++;
					return;
				}
				if (p.isNaN()) {
					bad(at, "must be a finite number, not " + p.getString());
					k++;
					return;
				}
				Datatype d = in.datatype;
				if (d.isInteger()) {
					BigInteger v = wholeNumber(at, t);
					if (v != null) {
						if (v.compareTo(d.minValue()) < 0 || v.compareTo(d.maxValue()) > 0) {
							bad(at, JsonBody.quote(p.getString()) + " is out of the range of " + d + " (" + d.minValue()
									+ " to " + d.maxValue() + ")");
						}
						else if (k < in.count) {
							in.set(k, v.floatValue());
						}
					}
				}
				else {
					double v = p.getDoubleValue();
					if (d == Datatype.FP32 && Double.isFinite(v) && !Float.isFinite((float) v)) {
						bad(at, JsonBody.quote(p.getString()) + " is outside the float32 range (magnitude at most "
								+ Float.MAX_VALUE + ")");
					}
					else if (!Double.isFinite(v)) {
						bad(at, JsonBody.quote(p.getString()) + " is outside the float64 range");
					}
					else if (k < in.count) {
						in.set(k, v);
					}
				}
				k++;
			}

			private BigInteger wholeNumber(String at, JsonToken t) {
				if (t == JsonToken.VALUE_NUMBER_INT) {
					return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue()
							: BigInteger.valueOf(p.getLongValue());
				}
				BigDecimal v = p.getDecimalValue();
				if (v.signum() == 0) {
					return BigInteger.ZERO;
				}
				if (v.stripTrailingZeros().scale() > 0) {
					bad(at, "must be a whole number for " + in.datatype + ", not " + JsonBody.quote(p.getString()));
					return null;
				}
				return v.toBigIntegerExact();
			}

			private String describeValue(JsonToken t) {
				if (t == JsonToken.VALUE_STRING) {
					String s = p.getString().strip().toLowerCase(Locale.ROOT).replace("+", "").replace("-", "");
					if (s.equals("nan") || s.equals("inf") || s.equals("infinity")) {
						return "the string \"" + JsonBody.quote(p.getString())
								+ "\" (NaN and infinities are not allowed, as strings or otherwise)";
					}
				}
				return describe(t);
			}

		}

	}

	private static float unsignedToFloat(long v) {
		return v >= 0 ? (float) v : new BigInteger(Long.toUnsignedString(v)).floatValue();
	}

	/** Where a parameters object sits, which decides the type of its known parameters. */
	private enum ParameterOwner {

		REQUEST, INPUT, OUTPUT;

		String typeOf(String name) {
			return switch (this) {
				case REQUEST -> name.equals("binary_data_output") ? "boolean" : "any";
				case INPUT -> name.equals("binary_data_size") ? "bytes" : "any";
				case OUTPUT -> name.equals("binary_data") ? "boolean" : name.equals("classification") ? "count" : "any";
			};
		}

	}

}
