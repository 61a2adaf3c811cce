package dev.nnfs.service.logging;

import java.time.Duration;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Console lines in batches ({@link ConsoleBatching}), flushed at least every
 * {@code nnfs.logging.console-flush-interval} ({@code 0} writes each line at once).
 */
@Configuration(proxyBeanMethods = false)
class LoggingConfiguration {

	@Bean(destroyMethod = "close")
	ConsoleBatching consoleBatching(@Value("${nnfs.logging.console-flush-interval}") Duration interval) {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			throw new IllegalStateException(
					"nnfs.logging.console-flush-interval needs Logback, Spring Boot's default logging");
		}
		return ConsoleBatching.install(context, interval);
	}

}
