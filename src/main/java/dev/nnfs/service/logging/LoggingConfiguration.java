package dev.nnfs.service.logging;

import java.time.Duration;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Console lines in batches ({@link ConsoleBatching}), flushed at least every
 * {@code nnfs.logging.console-flush-interval} ({@code 0} writes each line at once). With
 * logging other than Logback (Spring Boot's default), nothing is batched.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
class LoggingConfiguration {

	@Bean(destroyMethod = "close")
	ConsoleBatching consoleBatching(@Value("${nnfs.logging.console-flush-interval}") Duration interval) {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			return ConsoleBatching.install(context, interval);
		}
		return ConsoleBatching.none();
	}

}
