package dev.nnfs.service.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The beans, without the rest of the application. */
class ModelStoreConfigurationTests {

	@TempDir
	Path dir;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, ModelStoreConfiguration.class);

	@Test
	void theDefaultsAreTheDocumentedOnes() {
		this.runner.run((context) -> {
			ModelProperties properties = context.getBean(ModelProperties.class);
			assertThat(properties.dir()).isEqualTo(Path.of("models"));
			assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.writable()).isTrue();
			assertThat(properties.adminToken()).isEmpty();
			// without a loader the application starts, and no store is made
			assertThat(context).hasSingleBean(ModelWriteGuard.class);
			assertThat(context.getBean(ModelWriteGuard.class).check(null).allowed()).isTrue();
		});
		assertThat(Path.of("models")).as("nothing is created in the working directory").doesNotExist();
	}

	@Test
	void theStoreIsMadeFromTheLoaderReadBeforeUseAndStoppedWithTheContext() throws Exception {
		Files.createDirectories(this.dir.resolve("iris/1"));
		Files.write(this.dir.resolve("iris/1/model.json"), TestModels.model(4));
		this.runner.withUserConfiguration(WithLoader.class)
			.withPropertyValues("nnfs.models.dir=" + this.dir, "nnfs.models.poll-interval=50ms",
					"nnfs.models.admin-token=t")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ModelStore<JsonNode> store = context.getBean(Consumer.class).store;
				assertThat(store.loaded()).isTrue();
				assertThat(store.latest("iris")).isPresent();
				assertThat(context.getBean(ModelWriteGuard.class).check(null).httpStatus()).isEqualTo(401);
			});
		assertThat(Thread.getAllStackTraces().keySet())
			.noneMatch((thread) -> thread.getName().equals("nnfs-model-poll") && thread.isAlive());
	}

	@Test
	void aNegativePollIntervalStopsTheStart() {
		this.runner.withPropertyValues("nnfs.models.poll-interval=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pollIntervalValid"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ModelProperties.class)
	static class Properties {

	}

	@Configuration(proxyBeanMethods = false)
	static class WithLoader {

		@Bean
		ModelLoader<JsonNode> loader() {
			return TestModels.LOADER;
		}

		@Bean
		Consumer consumer(ModelStore<JsonNode> store) {
			return new Consumer(store);
		}

	}

	record Consumer(ModelStore<JsonNode> store) {
	}

}
