package dev.nnfs.service.web;

import dev.nnfs.service.problem.NonFiniteResultException;
import dev.nnfs.service.tensor.Batch;
import dev.nnfs.service.tensor.FloatBatch;

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

	/** A record component: its JSON name and its accessor. */
	private record Component(String name, Method accessor) {
	}

	/**
	 * The components of each record class, looked up once: {@code getRecordComponents()}
	 * builds new reflection objects (and interns their names) on every call, which cost
	 * about a seventh of a small request's CPU when it ran per answer.
	 */
	private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
		@Override
		protected Component[] computeValue(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			Component[] found = new Component[components.length];
			for (int i = 0; i < components.length; i++) {
				Method accessor = components[i].getAccessor();
				accessor.setAccessible(true);
				found[i] = new Component(components[i].getName(), accessor);
			}
			return found;
		}
	};

	/**
	 * Where a value sits in the answer, as a chain of steps from the root: the JSON
	 * Pointer string is built only for a value that fails the check.
	 */
	private record Path(Path parent, String name, int index) {

		static final Path ROOT = new Path(null, "", -1);

		Path child(String childName) {
			return new Path(this, childName, -1);
		}

		Path child(int childIndex) {
			return new Path(this, null, childIndex);
		}

		String pointer() {
			if (this.parent == null) {
				return this.name;
			}
			return this.parent.pointer() + "/" + ((this.name != null) ? this.name : String.valueOf(this.index));
		}

	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body != null && (body.getClass().isRecord() || body instanceof Collection<?>)) {
			check(body);
		}
		return body;
	}

	/**
	 * Throws {@link NonFiniteResultException} naming the first non-finite number of an
	 * answer, by its JSON Pointer from the answer's root.
	 */
	static void check(Object answer) {
		check(answer, Path.ROOT, 0);
	}

	private static void check(Object value, Path path, int depth) {
		if (value == null || depth > MAX_DEPTH) {
			return;
		}
		if (value instanceof Batch batch) {
			int i = batch.firstNonFinite();
			if (i >= 0) {
				throw new NonFiniteResultException(batch.pointer(path.pointer(), i), (float) batch.value(i));
			}
		}
		else if (value instanceof float[] floats) {
			for (int i = 0; i < floats.length; i++) {
				if (!Float.isFinite(floats[i])) {
					throw new NonFiniteResultException(path.child(i).pointer(), floats[i]);
				}
			}
		}
		else if (value instanceof double[] doubles) {
			for (int i = 0; i < doubles.length; i++) {
				if (!Double.isFinite(doubles[i])) {
					throw new NonFiniteResultException(path.child(i).pointer(), (float) doubles[i]);
				}
			}
		}
		else if (value instanceof Float f) {
			if (!Float.isFinite(f)) {
				throw new NonFiniteResultException(path.pointer(), f);
			}
		}
		else if (value instanceof Double d) {
			if (!Double.isFinite(d)) {
				throw new NonFiniteResultException(path.pointer(), d.floatValue());
			}
		}
		else if (value instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				check(item, path.child(i++), depth + 1);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				check(entry.getValue(), path.child(String.valueOf(entry.getKey())), depth + 1);
			}
		}
		else if (value instanceof Object[] items) {
			for (int i = 0; i < items.length; i++) {
				check(items[i], path.child(i), depth + 1);
			}
		}
		else if (value.getClass().isRecord()) {
			for (Component component : COMPONENTS.get(value.getClass())) {
				Object componentValue;
				try {
					componentValue = component.accessor().invoke(value);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException("cannot read " + component.name(), ex);
				}
				check(componentValue, path.child(component.name()), depth + 1);
			}
		}
	}

}
