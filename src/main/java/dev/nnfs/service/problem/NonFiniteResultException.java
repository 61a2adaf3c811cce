package dev.nnfs.service.problem;

/**
 * A computation on finite inputs produced a value float32 cannot hold (an overflow to
 * infinity, or NaN from infinities meeting). Rendered as a 422 problem naming where in
 * the answer it happened, so no response ever carries a non-finite number.
 */
public class NonFiniteResultException extends RuntimeException {

	private final String resultPointer;

	public NonFiniteResultException(String resultPointer, float value) {
		super("the result at " + resultPointer + " is " + value
				+ ", which JSON cannot carry: the computation overflowed float32; scale the inputs, weights or "
				+ "parameters down", null, false, false);
		this.resultPointer = resultPointer;
	}

	/** JSON Pointer into the answer that would have been sent. */
	public String resultPointer() {
		return resultPointer;
	}

}
