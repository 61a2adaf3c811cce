package dev.nnfs.service.oip;

import java.util.List;

/**
 * {@code GET /v2}: {@code $metadata_server_response}.
 *
 * @param extensions the protocol extensions the server supports ({@link #EXTENSIONS})
 */
public record ServerMetadata(String name, String version, List<String> extensions) {

	/** Triton's names of the extensions this service implements. */
	public static final List<String> EXTENSIONS = List.of("binary_tensor_data", "classification", "model_repository");

	public ServerMetadata {
		extensions = List.copyOf(extensions);
	}

}
