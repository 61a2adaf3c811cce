package dev.nnfs.service.web;

import dev.nnfs.service.problem.ProblemReportValve;

import org.apache.catalina.core.StandardHost;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The connector settings that keep the container's own refusals out of clients' way.
 * Tomcat answers a path with an encoded slash ({@code %2F}) itself, with a bare 400 and
 * no body; passed through, such a path reaches the application and gets the same 404
 * problem as any unknown path (the service serves no files, so there is nothing to
 * traverse to). What Tomcat still refuses on its own (a NUL in the path, say) is answered
 * by {@link ProblemReportValve} with a problem+json instead of Tomcat's HTML page.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

	@Bean
	TomcatConnectorCustomizer encodedSlashesReachTheApplication() {
		return (connector) -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
	}

	/**
	 * Each connection's socket write buffer: an answer that fits it (with its headers)
	 * leaves in one write to the socket, a larger one in a write per buffer. Tomcat's
	 * default, 8 KB, sends the book's network's 14 KB answer in two; every open
	 * connection holds one buffer.
	 */
	@Bean
	TomcatConnectorCustomizer socketWriteBuffer(
			@Value("${nnfs.connector.write-buffer-size}") DataSize writeBufferSize) {
		return (connector) -> connector.setProperty("socket.appWriteBufSize", Long.toString(writeBufferSize.toBytes()));
	}

	@Bean
	TomcatContextCustomizer problemJsonForContainerErrors() {
		return (context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		};
	}

}
