package dev.nnfs.service.oip;

import java.util.List;

/**
 * What a model takes and gives, as its metadata declares it: the reader checks a request
 * against it so that a wrong input name or width is named together with every other
 * mistake. Classification applies to the outputs of rank 2 ({@code [batch, classes]}).
 */
public record ModelSignature(List<TensorMetadata> inputs, List<TensorMetadata> outputs) {

	public ModelSignature {
		inputs = List.copyOf(inputs);
		outputs = List.copyOf(outputs);
	}

	/** The input of that name, or null. */
	public TensorMetadata input(String name) {
		return inputs.stream().filter((t) -> t.name().equals(name)).findFirst().orElse(null);
	}

	/** The output of that name, or null. */
	public TensorMetadata output(String name) {
		return outputs.stream().filter((t) -> t.name().equals(name)).findFirst().orElse(null);
	}

	static String names(List<TensorMetadata> tensors) {
		return String.join(", ", tensors.stream().map((t) -> "'" + t.name() + "'").toList());
	}

}
