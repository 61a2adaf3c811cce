package dev.nnfs.service.web;

import dev.nnfs.service.ApiTest;
import dev.nnfs.service.network.ForwardRequest;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.SmartHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The service reads JSON bodies through {@link PrescanningJsonConverter}, and its answers
 * (results and problems alike) are those of a body read without the scan: the same body
 * sent as ISO-8859-1, which the converter leaves to Jackson alone.
 */
@ApiTest
class PrescanningJsonConverterApiTests {

	private static final MediaType LATIN1 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.ISO_8859_1);

	private static final String LAYERS = "\"layers\": [{\"type\": \"dense\", \"neurons\": 3}, "
			+ "{\"type\": \"activation\", \"name\": \"softmax\"}]";

	@Autowired
	MockMvc mvc;

	@Autowired
	RequestMappingHandlerAdapter adapter;

	@Test
	void readsJsonBodies() {
		HttpMessageConverter<?> reader = adapter.getMessageConverters()
			.stream()
			.filter((c) -> c instanceof SmartHttpMessageConverter<?> smart
					&& smart.canRead(ResolvableType.forClass(ForwardRequest.class), MediaType.APPLICATION_JSON))
			.findFirst()
			.orElseThrow();
		assertThat(reader).isInstanceOf(PrescanningJsonConverter.class);
	}

	@Test
	void answersAsWithoutTheScan() throws Exception {
		SplittableRandom random = new SplittableRandom(11);
		StringBuilder inputs = new StringBuilder("[");
		for (int r = 0; r < 3000; r++) {
			inputs.append(r == 0 ? "[" : ",\n[")
				.append((float) random.nextGaussian())
				.append(", ")
				.append(random.nextInt(-5, 5))
				.append(']');
		}
		inputs.append(']');
		sameAnswers("{\"seed\": 3, \"inputs\": " + inputs + ", " + LAYERS + "}");
		sameAnswers("{\"seed\": 3, \"inputs\": " + inputs + ", " + LAYERS + ", \"returnLayers\": true}");
		sameAnswers("{\"inputs\": [0.5, -1e-3], " + LAYERS + ", \"labels\": [2]}");
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"{\"inputs\": [[1, 2]], \"layers\": [{\"type\": \"dense\", \"neurons\": \"x\"}], \"z\": 1}",
			"{\"inputs\": [[1, 2]], \"layers\": [}",
			"{\"inputs\": [[1, 2]],\n \"layers\": [{\"type\": \"dense\" \"neurons\": 3}]}",
			"{\"inputs\": [[1, 2]], \"inputs\": [[3, 4]], " + LAYERS + "}", "{\"inputs\": [[1, 2]]} []",
			"{\"inputs\": [[1, 2]]", "{\"inputs\": [[1, 2]], " + LAYERS + ", \"labels\": [0, 1]}",
			"{\"inputs\": [], " + LAYERS + "}", "{\"inputs\": [[1, 2], [3]], " + LAYERS + "}",
			"{\"inputs\": [[1, 2], [3, NaN]], " + LAYERS + "}", "{\"inputs\": [[1, 2], [3, \"NaN\"]], " + LAYERS + "}",
			"{\"inputs\": [[1, 1e400]], " + LAYERS + "}", "{\"inputs\": [[1, 01]], " + LAYERS + "}",
			"{\"inputs\": [[[1]]], " + LAYERS + "}", "{\"inputs\": [[1e39, 2]], " + LAYERS + "}",
			"{\"seed\": -1, \"inputs\": [[1, 2]], " + LAYERS + "}" })
	void problemsAsWithoutTheScan(String body) throws Exception {
		sameAnswers(body);
	}

	/**
	 * Not compared with the ISO-8859-1 body: Jackson's character parser words this
	 * mistake differently from its byte parser, which reads UTF-8 bodies with or without
	 * the scan.
	 */
	@Test
	void aMalformedBatchIsMalformedJsonAsBefore() throws Exception {
		mvc.perform(post("/network/forward").contentType(MediaType.APPLICATION_JSON)
			.content("{\"inputs\": [[1, 2],], " + LAYERS + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The body is not valid JSON (line 1, column 20): "
					+ "unexpected character (']' ): expected a value."))
			.andExpect(jsonPath("$.errors[0].pointer").value("/inputs/1"));
	}

	private void sameAnswers(String body) throws Exception {
		MvcResult fast = mvc
			.perform(post("/network/forward").contentType(MediaType.APPLICATION_JSON)
				.content(body.getBytes(StandardCharsets.ISO_8859_1)))
			.andReturn();
		MvcResult plain = mvc
			.perform(post("/network/forward").contentType(LATIN1).content(body.getBytes(StandardCharsets.ISO_8859_1)))
			.andReturn();
		assertThat(fast.getResponse().getStatus()).isEqualTo(plain.getResponse().getStatus());
		assertThat(fast.getResponse().getContentAsString()).isEqualTo(plain.getResponse().getContentAsString());
	}

}
