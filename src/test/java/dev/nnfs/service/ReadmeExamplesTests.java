package dev.nnfs.service;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;

/**
 * The README's curl examples print what the README says they print: each
 * {@code $ curl -s ...} block is sent to the service and its answer compared with the
 * block's text, byte for byte. Examples piped through {@code jq} are left out.
 */
@ApiTest
class ReadmeExamplesTests {

	private static final Pattern BLOCK = Pattern.compile("```\\n\\$ (curl -s [^\\n]+)\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern URL = Pattern.compile("\"?localhost:8080(/[^\"\\s]*)\"?");

	private static final Pattern HEADER = Pattern.compile("-H \"([^:]+): ([^\"]+)\"");

	private static final Pattern DATA = Pattern.compile("-d '([^']*)'");

	@Autowired
	MockMvc mvc;

	record Example(String command, String output) {

		@Override
		public String toString() {
			return command.length() <= 100 ? command : command.substring(0, 100) + "...";
		}

	}

	static Stream<Example> examples() throws Exception {
		String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
		List<Example> examples = new ArrayList<>();
		Matcher m = BLOCK.matcher(readme);
		while (m.find()) {
			if (!m.group(1).contains("| jq")) {
				examples.add(new Example(m.group(1), m.group(2)));
			}
		}
		return examples.stream();
	}

	@Test
	void theReadmeHasExamplesToCheck() throws Exception {
		assertThat(examples().count()).isGreaterThanOrEqualTo(6);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void eachExamplePrintsWhatTheReadmeSays(Example example) throws Exception {
		Matcher url = URL.matcher(example.command());
		assertThat(url.find()).as("a URL in %s", example.command()).isTrue();
		Matcher data = DATA.matcher(example.command());
		boolean put = example.command().contains("-X PUT");
		MockHttpServletRequestBuilder request = data.find()
				? (put ? MockMvcRequestBuilders.put(url.group(1)) : MockMvcRequestBuilders.post(url.group(1)))
					.content(data.group(1))
				: MockMvcRequestBuilders.get(url.group(1));
		Matcher header = HEADER.matcher(example.command());
		while (header.find()) {
			request.header(header.group(1), header.group(2));
		}
		MvcResult result = mvc.perform(request).andReturn();
		if (result.getRequest().isAsyncStarted()) {
			result = mvc.perform(asyncDispatch(result)).andReturn();
		}
		MockHttpServletResponse response = result.getResponse();
		response.setCharacterEncoding("UTF-8");
		String expected = example.output().endsWith("\n") ? example.output() : example.output() + "\n";
		String body = response.getContentAsString();
		assertThat(body.endsWith("\n") ? body : body + "\n").isEqualTo(expected);
	}

}
