package dev.nnfs.service.oip;

import java.util.List;
import java.util.Map;

/**
 * An inference request ({@code $inference_request}) as read by
 * {@link InferRequestReader}: every field checked, every tensor's values in memory.
 *
 * @param id the client's request id, echoed in the response; null when not sent
 * @param parameters the request's parameters (strings, {@code Long} or {@code Double}
 * numbers, booleans) in the order sent: {@code binary_data_output} and, for an activation
 * model, its parameters
 * @param inputs the input tensors in the order sent
 * @param outputs the outputs asked for, in the order asked; empty when the request lists
 * none, which means every output of the model ({@link #outputsFor})
 * @param binaryDataOutput the request's {@code binary_data_output}: the default of every
 * output's {@code binary_data}
 */
public record InferRequest(String id, Map<String, Object> parameters, List<InferInput> inputs,
		List<RequestedOutput> outputs, boolean binaryDataOutput) {

	public InferRequest {
		parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
		inputs = List.copyOf(inputs);
		outputs = List.copyOf(outputs);
	}

	/** The input of that name, or null. */
	public InferInput input(String name) {
		return inputs.stream().filter((i) -> i.name().equals(name)).findFirst().orElse(null);
	}

	/**
	 * The outputs to answer with: those asked for, or, when the request lists none, every
	 * one of {@code modelOutputs} with the request's {@code binary_data_output}.
	 */
	public List<RequestedOutput> outputsFor(List<String> modelOutputs) {
		if (!outputs.isEmpty()) {
			return outputs;
		}
		return modelOutputs.stream().map((name) -> RequestedOutput.of(name, binaryDataOutput)).toList();
	}

}
