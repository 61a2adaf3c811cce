package dev.nnfs.service.web;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import dev.nnfs.service.ApiTest;
import dev.nnfs.service.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The check every HTTP test's answers go through ({@link OpenApiContract}) fails on an
 * answer the document does not allow: a wrong type, a missing required member, an
 * undocumented status, a problem sent as plain JSON.
 */
@ApiTest
class OpenApiResponseCheckTests {

	@Autowired
	MockMvc mvc;

	OpenApiInteractionValidator validator;

	@BeforeEach
	void loadTheDocument() throws Exception {
		validator = OpenApiContract
			.validator(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
	}

	private boolean conforms(String path, Request.Method method, int status, String type, String body) {
		SimpleResponse response = SimpleResponse.Builder.status(status).withContentType(type).withBody(body).build();
		return !validator.validateResponse(path, method, response).hasErrors();
	}

	@Test
	void aRealAnswerConforms() {
		assertThat(conforms("/activations/softmax", Request.Method.POST, 200, "application/json",
				"{\"activation\":\"softmax\",\"shape\":[1,3],\"outputs\":[[0.09003057,0.24472846,0.66524094]],"
						+ "\"argmax\":[2],\"confidence\":[0.66524094]}"))
			.isTrue();
	}

	@Test
	void outputsAsAnObjectDoNotConform() {
		assertThat(conforms("/activations/softmax", Request.Method.POST, 200, "application/json",
				"{\"activation\":\"softmax\",\"shape\":[1,3],\"outputs\":{\"values\":[0.1],\"rows\":0},"
						+ "\"argmax\":[2],\"confidence\":[0.66524094]}"))
			.isFalse();
	}

	@Test
	void aProblemWithoutItsTitleDoesNotConform() {
		assertThat(conforms("/network/forward", Request.Method.POST, 400, "application/problem+json",
				"{\"type\":\"urn:nnfs:problem:invalid-input\",\"status\":400,\"detail\":\"x\"}"))
			.isFalse();
	}

	@Test
	void aProblemSentAsPlainJsonDoesNotConform() {
		assertThat(conforms("/network/forward", Request.Method.POST, 400, "application/json",
				"{\"type\":\"urn:nnfs:problem:invalid-input\",\"title\":\"Invalid input\",\"status\":400,\"detail\":\"x\"}"))
			.isFalse();
	}

	@Test
	void anUndocumentedStatusDoesNotConform() {
		assertThat(conforms("/activations", Request.Method.GET, 418, "application/problem+json",
				"{\"type\":\"urn:nnfs:problem:bad-request\",\"title\":\"Bad request\",\"status\":418,\"detail\":\"x\"}"))
			.isFalse();
	}

}
