package dev.nnfs.service.spiral;

import dev.nnfs.service.compute.ComputeProperties;
import dev.nnfs.service.config.CorsProperties;
import dev.nnfs.service.config.EngineProperties;
import dev.nnfs.service.config.Limits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /spiral} in a web slice: the controller with the HTTP edge (JSON mapping,
 * problems, strict query, compute gate) and nothing else, ND4J not loaded.
 */
@WebMvcTest(controllers = SpiralController.class, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "dev\\.nnfs\\.service\\.(web\\.(?!SwaggerUiSvgPreview|OpenApiConfiguration)|problem\\.|compute\\.).*"
				+ "|dev\\.nnfs\\.service\\.network\\.NetworkConfiguration|dev\\.nnfs\\.service\\.activation\\.ActivationConfiguration"))
class SpiralControllerSliceTests {

	@TestConfiguration
	@EnableConfigurationProperties({ Limits.class, ComputeProperties.class, CorsProperties.class,
			EngineProperties.class })
	static class Metrics {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Autowired
	MockMvc mvc;

	@Test
	void seed000In4() throws Exception {
		MvcResult started = mvc.perform(get("/spiral?samples=2&classes=3")).andReturn();
		mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(content()
				.string("{\"samples\":2,\"classes\":3,\"seed\":0,\"skip\":0,\"dtype\":\"float32\",\"inputs\":[[0.0,0.0],"
						+ "[-0.69993085,-0.7142106],[-0.0,-0.0],[0.7647814,-0.6442898],[0.0,-0.0],[-0.94481426,-0.3276065]],"
						+ "\"labels\":[0,0,1,1,2,2],\"rng\":{\"seed\":0,\"draws\":6}}"));
	}

	@Test
	void everyBadParameterIsAProblemOfItsOwn() throws Exception {
		mvc.perform(get("/spiral?samples=2.5&classes=0&sample=3"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].parameter").value("sample"));
		mvc.perform(get("/spiral?samples=2.5&classes=0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("samples"))
			.andExpect(jsonPath("$.errors[1].parameter").value("classes"));
	}

}
