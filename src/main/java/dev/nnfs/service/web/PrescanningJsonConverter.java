package dev.nnfs.service.web;

import dev.nnfs.service.config.Limits;
import dev.nnfs.service.tensor.BatchPrescan;
import dev.nnfs.service.tensor.DoubleBatch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * The service's JSON converter: Spring's, reading the body through {@link BatchPrescan}
 * first. A UTF-8 body is read into memory whole, its {@code inputs} batch parsed from the
 * bytes, and the rest handed to Spring's converter as usual, with the batch passed to
 * {@code BatchDeserializer} as a Jackson attribute. Errors, limits and the answer are
 * those of Spring's converter on the original body.
 *
 * <p>
 * Should anything other than {@code BatchDeserializer} read the blanked array (a request
 * type that reads its {@code inputs} some other way), the batch is left unclaimed, and
 * the original body is read again as if there had been no scan: the scan can make a
 * request faster, never different.
 */
class PrescanningJsonConverter extends JacksonJsonHttpMessageConverter {

	/**
	 * The batches of the body being read on this thread, for {@link #customizeReader}.
	 */
	private static final ThreadLocal<Map<Long, DoubleBatch>> BATCHES = new ThreadLocal<>();

	private final Limits limits;

	PrescanningJsonConverter(JsonMapper mapper, Limits limits) {
		super(mapper);
		this.limits = limits;
	}

	@Override
	public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
		if (!utf8(input.getHeaders().getContentType())) {
			return super.read(type, input, hints);
		}
		byte[] body = input.getBody().readAllBytes();
		BatchPrescan.Result scan = BatchPrescan.scan(body, limits);
		if (scan == null) {
			return super.read(type, new Body(body, input.getHeaders()), hints);
		}
		Map<Long, DoubleBatch> unclaimed = scan.batches();
		Object value;
		BATCHES.set(unclaimed);
		try {
			value = super.read(type, new Body(scan.body(), input.getHeaders()), hints);
		}
		catch (IOException | RuntimeException ex) {
			if (unclaimed.isEmpty()) {
				throw ex;
			}
			value = null;
		}
		finally {
			BATCHES.remove();
		}
		if (!unclaimed.isEmpty()) {
			return super.read(type, new Body(body, input.getHeaders()), hints);
		}
		return value;
	}

	@Override
	protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
		Map<Long, DoubleBatch> batches = BATCHES.get();
		return batches == null ? reader : reader.withAttribute(BatchPrescan.ATTRIBUTE, batches);
	}

	/** Whether Jackson reads the body as UTF-8 bytes (the byte offsets the scan uses). */
	private boolean utf8(MediaType contentType) {
		Charset charset = getCharset(contentType);
		return charset == null || charset.equals(StandardCharsets.UTF_8);
	}

	/** A body already read. */
	private record Body(byte[] bytes, HttpHeaders headers) implements HttpInputMessage {

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(bytes);
		}

		@Override
		public HttpHeaders getHeaders() {
			return headers;
		}

	}

}
