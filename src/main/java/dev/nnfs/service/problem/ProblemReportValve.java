package dev.nnfs.service.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatusCode;

/**
 * The container's last word: for the few requests Tomcat refuses before the application
 * sees them (a NUL or a broken escape in the path, a malformed header), a short
 * problem+json in place of Tomcat's HTML page. It names only the status; there is nothing
 * else to say safely.
 */
public class ProblemReportValve extends ErrorReportValve {

	public ProblemReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String body = Problems.json(Problems.forStatus(HttpStatusCode.valueOf(status), null));
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response already went out; nothing left to tell
			// it
		}
	}

}
