package dev.nnfs.service.compute;

/**
 * A request computed for longer than {@code nnfs.compute.deadline}; rendered as a 503
 * problem.
 */
public class DeadlineExceededException extends RuntimeException {

	public DeadlineExceededException() {
		super("the computation ran past its deadline", null, false, false);
	}

}
