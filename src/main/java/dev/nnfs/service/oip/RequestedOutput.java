package dev.nnfs.service.oip;

import java.util.Map;

/**
 * An output the client asked for, with its settings resolved: {@code binaryData} from the
 * output's {@code binary_data} parameter or else the request's {@code binary_data_output}
 * (false when neither is given); {@code classification} the number of classes asked for
 * by the {@code classification} parameter, 0 for the tensor itself.
 *
 * @param parameters the output's parameters as sent, {@code binary_data} and
 * {@code classification} included
 */
public record RequestedOutput(String name, Map<String, Object> parameters, boolean binaryData, int classification) {

	public RequestedOutput {
		parameters = Map.copyOf(parameters);
	}

	/** An output with default settings, when the request lists none. */
	public static RequestedOutput of(String name, boolean binaryData) {
		return new RequestedOutput(name, Map.of(), binaryData, 0);
	}

}
