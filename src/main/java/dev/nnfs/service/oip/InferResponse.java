package dev.nnfs.service.oip;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An inference response ({@code $inference_response}) before it is written by
 * {@link InferResponseWriter}.
 *
 * @param modelVersion null for a model without versions (the field is left out)
 * @param id the request's id, null when it had none (the field is left out)
 * @param parameters response parameters; empty leaves the field out
 */
public record InferResponse(String modelName, String modelVersion, String id, Map<String, Object> parameters,
		List<OutputTensor> outputs) {

	public InferResponse {
		parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		outputs = List.copyOf(outputs);
	}

}
