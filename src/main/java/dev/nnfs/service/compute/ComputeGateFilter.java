package dev.nnfs.service.compute;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks requests to the compute endpoints ({@code nnfs.compute.paths}) as needing a
 * compute slot and gives the slot back when the request ends, however it ends.
 *
 * <p>
 * The slot itself is taken late, by {@link ComputeSlotAdvice}: after a request's body has
 * been read and parsed, or before the handler runs when there is no body. A client that
 * trickles its body in therefore holds a server thread but never a compute slot, and a
 * body that is refused (too large, malformed) never takes one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class ComputeGateFilter extends OncePerRequestFilter {

	private static final ThreadLocal<Slot> CURRENT = new ThreadLocal<>();

	private final ComputeGate gate;

	ComputeGateFilter(ComputeGate gate) {
		this.gate = gate;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String gated : gate.properties().paths()) {
			if (path.startsWith(gated)) {
				return false;
			}
		}
		return true;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Slot slot = new Slot(gate);
		CURRENT.set(slot);
		try {
			chain.doFilter(request, response);
		}
		finally {
			CURRENT.remove();
			slot.close();
		}
	}

	/**
	 * Takes a compute slot for the request the current thread serves, if it is a gated
	 * one and has none yet, and starts its deadline. Throws {@link OverloadedException}
	 * when none is free.
	 */
	public static void enter() {
		Slot slot = CURRENT.get();
		if (slot != null) {
			slot.enter();
		}
	}

	/** Counts a request that ran past its deadline. */
	public static void deadlineExceeded() {
		Slot slot = CURRENT.get();
		if (slot != null) {
			slot.gate.deadlineExceeded();
		}
	}

	private static final class Slot {

		private final ComputeGate gate;

		private boolean held;

		Slot(ComputeGate gate) {
			this.gate = gate;
		}

		void enter() {
			if (!held) {
				gate.acquire();
				held = true;
				ComputeDeadline.start(gate.properties().deadline());
			}
		}

		void close() {
			if (held) {
				held = false;
				ComputeDeadline.clear();
				gate.release();
			}
		}

	}

}
