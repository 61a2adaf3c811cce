package dev.nnfs.service.web;

import dev.nnfs.service.problem.NonFiniteResultException;
import dev.nnfs.service.tensor.Batch;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Refuses to send an answer that holds a non-finite number. Finite float32 inputs can
 * still overflow on the way (a dense layer of large weights, {@code linear} of a large
 * value times a large weight); JSON has no number for the result, and Jackson would write
 * it as the string {@code "Infinity"}. Every record answer is walked (records, lists,
 * maps, {@link FloatBatch}, float and double arrays and boxes) before it is written,
 * which costs one pass over the numbers that serialising them costs anyway.
 */
@ControllerAdvice
class FiniteResponseAdvice implements ResponseBodyAdvice<Object> {

	private static final int MAX_DEPTH = 16;

	private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
		@Override
		protected Method[] computeValue(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			Method[] accessors = new Method[components.length];
			for (int i = 0; i < components.length; i++) {
				accessors[i] = components[i].getAccessor();
				accessors[i].setAccessible(true);
			}
			return accessors;
		}
	};

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body != null && (body.getClass().isRecord() || body instanceof Collection<?>)) {
			check(body, "", 0);
		}
		return body;
	}

	static void check(Object value, String pointer, int depth) {
		if (value == null || depth > MAX_DEPTH) {
			return;
		}
		if (value instanceof Batch batch) {
			checkBatch(batch, pointer);
		}
		else if (value instanceof float[] floats) {
			for (int i = 0; i < floats.length; i++) {
				if (!Float.isFinite(floats[i])) {
					throw new NonFiniteResultException(pointer + "/" + i, floats[i]);
				}
			}
		}
		else if (value instanceof double[] doubles) {
			for (int i = 0; i < doubles.length; i++) {
				if (!Double.isFinite(doubles[i])) {
					throw new NonFiniteResultException(pointer + "/" + i, (float) doubles[i]);
				}
			}
		}
		else if (value instanceof Float f) {
			if (!Float.isFinite(f)) {
				throw new NonFiniteResultException(pointer, f);
			}
		}
		else if (value instanceof Double d) {
			if (!Double.isFinite(d)) {
				throw new NonFiniteResultException(pointer, d.floatValue());
			}
		}
		else if (value instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				check(item, pointer + "/" + i++, depth + 1);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				check(entry.getValue(), pointer + "/" + entry.getKey(), depth + 1);
			}
		}
		else if (value instanceof Object[] items) {
			for (int i = 0; i < items.length; i++) {
				check(items[i], pointer + "/" + i, depth + 1);
			}
		}
		else if (value.getClass().isRecord()) {
			Method[] accessors = ACCESSORS.get(value.getClass());
			RecordComponent[] components = value.getClass().getRecordComponents();
			for (int i = 0; i < accessors.length; i++) {
				try {
					check(accessors[i].invoke(value), pointer + "/" + components[i].getName(), depth + 1);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException("cannot read " + components[i].getName(), ex);
				}
			}
		}
	}

	private static void checkBatch(Batch batch, String pointer) {
		for (int i = 0, n = batch.rows() * batch.cols(); i < n; i++) {
			double v = batch.value(i);
			if (!Double.isFinite(v)) {
				throw new NonFiniteResultException(batch.pointer(pointer, i), (float) v);
			}
		}
	}

}
