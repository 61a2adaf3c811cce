package dev.nnfs.service.web;

import dev.nnfs.service.problem.ProblemReportValve;

import org.apache.catalina.core.StandardHost;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

	@Bean
	TomcatContextCustomizer problemJsonForContainerErrors() {
		return (context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		};
	}

}
