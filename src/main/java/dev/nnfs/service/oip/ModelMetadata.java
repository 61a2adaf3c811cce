package dev.nnfs.service.oip;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /v2/models/{m}[/versions/{v}]}: {@code $metadata_model_response}.
 *
 * @param versions the versions that may be asked for by path; null leaves the field out
 * @param platform {@code "nnfs"}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelMetadata(String name, List<String> versions, String platform, List<TensorMetadata> inputs,
		List<TensorMetadata> outputs) {

	public static final String PLATFORM = "nnfs";

	public ModelMetadata {
		versions = versions == null ? null : List.copyOf(versions);
		inputs = List.copyOf(inputs);
		outputs = List.copyOf(outputs);
	}

	/** The metadata of a model of that signature. */
	public static ModelMetadata of(String name, List<String> versions, ModelSignature signature) {
		return new ModelMetadata(name, versions, PLATFORM, signature.inputs(), signature.outputs());
	}

}
