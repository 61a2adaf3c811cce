package dev.nnfs.service.web;

/** A request computed for longer than {@code nnfs.compute.deadline}; rendered as a 503 problem. */
public class DeadlineExceededException extends RuntimeException {

	public DeadlineExceededException() {
		super("the computation ran past its deadline", null, false, false);
	}

}
