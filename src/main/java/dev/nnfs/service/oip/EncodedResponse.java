package dev.nnfs.service.oip;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * An inference response ready to send: the JSON, then (with binary outputs) each binary
 * tensor's bytes. Set {@code Content-Type} to {@link #contentType()}, and when
 * {@link #headerLength()} is not null, {@code Inference-Header-Content-Length} to it;
 * then {@link #writeTo} the body.
 */
public final class EncodedResponse {

	/** Content type of a response that is JSON only. */
	public static final String JSON = "application/json";

	/** Content type of a response with binary tensor data, as Triton answers. */
	public static final String BINARY = "application/octet-stream";

	private final byte[] json;

	private final List<BinaryTensor> tensors;

	EncodedResponse(byte[] json, List<BinaryTensor> tensors) {
		this.json = json;
		this.tensors = List.copyOf(tensors);
	}

	/** One binary output's bytes, produced as they are written. */
	interface BinaryTensor {

		long byteSize();

		void writeTo(OutputStream out) throws IOException;

		/**
		 * The same bytes as {@link #writeTo}, into {@code out} from its position, which
		 * has room for {@link #byteSize()} of them.
		 */
		default void copyInto(ByteBuffer out) {
			try {
				writeTo(new OutputStream() {

					@Override
					public void write(int b) {
						out.put((byte) b);
					}

					@Override
					public void write(byte[] b, int off, int len) {
						out.put(b, off, len);
					}

				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	public String contentType() {
		return tensors.isEmpty() ? JSON : BINARY;
	}

	/**
	 * The value of {@code Inference-Header-Content-Length}: the length of the JSON part;
	 * null for a response that is JSON only.
	 */
	public Integer headerLength() {
		return tensors.isEmpty() ? null : json.length;
	}

	/** The whole body's length. */
	public long contentLength() {
		long n = json.length;
		for (BinaryTensor t : tensors) {
			n += t.byteSize();
		}
		return n;
	}

	/** The JSON part (the whole body when there are no binary outputs). */
	public byte[] json() {
		return json.clone();
	}

	public void writeTo(OutputStream out) throws IOException {
		out.write(json);
		for (BinaryTensor t : tensors) {
			t.writeTo(out);
		}
	}

	/**
	 * The whole body in one array of exactly its length, each binary tensor copied in
	 * once.
	 * @throws IllegalStateException when the body does not fit one array
	 */
	public byte[] toByteArray() {
		long length = contentLength();
		if (length > Integer.MAX_VALUE - 8) {
			throw new IllegalStateException("a response of " + length + " bytes does not fit one array");
		}
		byte[] body = new byte[(int) length];
		ByteBuffer out = ByteBuffer.wrap(body);
		out.put(json);
		for (BinaryTensor t : tensors) {
			t.copyInto(out.slice(out.position(), (int) t.byteSize()));
			out.position(out.position() + (int) t.byteSize());
		}
		return body;
	}

}
