package dev.nnfs.service.serving;

import dev.nnfs.service.OpenApiContract;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With an admin token configured, every write needs it: 401 without it (with
 * {@code WWW-Authenticate: Bearer}), 403 with another; reads and calls need none.
 */
@SpringBootTest(properties = { "nnfs.models.dir=target/test-models/${random.uuid}",
		"nnfs.models.admin-token=correct-horse-battery-staple" })
@AutoConfigureMockMvc
@Import(OpenApiContract.Checks.class)
class ModelWriteAuthApiTests {

	@Autowired
	MockMvc mvc;

	@Test
	void writesNeedTheTokenReadsDoNot() throws Exception {
		mvc.perform(put("/models/guarded").contentType(MediaType.APPLICATION_JSON).content(ModelController.BOOK_MODEL))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
			.andExpect(jsonPath("$.type").value("urn:nnfs:problem:unauthorized"));
		mvc.perform(put("/models/guarded").header("Authorization", "Bearer wrong")
			.contentType(MediaType.APPLICATION_JSON)
			.content(ModelController.BOOK_MODEL)).andExpect(status().isForbidden());
		mvc.perform(put("/models/guarded").header("Authorization", "Bearer correct-horse-battery-staple")
			.contentType(MediaType.APPLICATION_JSON)
			.content(ModelController.BOOK_MODEL)).andExpect(status().isCreated());
		mvc.perform(get("/models/guarded")).andExpect(status().isOk());
		mvc.perform(post("/models/guarded/forward").contentType(MediaType.APPLICATION_JSON)
			.content("{\"inputs\": [[1, 2]]}")).andExpect(status().isOk());
		mvc.perform(delete("/models/guarded")).andExpect(status().isUnauthorized());
		mvc.perform(post("/v2/repository/models/guarded/unload"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").exists());
		mvc.perform(post("/v2/repository/models/guarded/unload").header("Authorization", "Bearer nope"))
			.andExpect(status().isForbidden());
		mvc.perform(delete("/models/guarded").header("Authorization", "Bearer correct-horse-battery-staple"))
			.andExpect(status().isNoContent());
	}

}
