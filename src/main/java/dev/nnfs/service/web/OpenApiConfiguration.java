package dev.nnfs.service.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI nnfsOpenApi() {
		return new OpenAPI().info(new Info().title("nnfs forward-pass service")
			.version("0.1")
			.license(new License().name("Apache-2.0"))
			.description("""
					The forward pass of *Neural Networks from Scratch* over JSON: activation functions on batches, \
					the nnfs spiral dataset, and dense-layer + activation pipelines.

					**Numbers.** All arithmetic is float32, as under `nnfs.init()`; dense products are accumulated in \
					float64 and rounded to float32. Responses write each float32 in its shortest round-trip form \
					(`0.33333334`, `1.352058E-4`). Inputs must be finite JSON numbers within the float32 range.

					**Random stream.** `seed` and `skip` reproduce numpy's `np.random.seed(seed)` followed by `skip` \
					discarded standard normals, bit for bit; `rng.draws` in an answer is the position to continue from.

					**Batches.** A batch is a 2-D array, one row per sample; a 1-D array is a single sample and its \
					`outputs` stay 1-D. `argmax` and `confidence` are always one entry per row.

					**Pictures.** `GET /spiral?format=svg`, `GET /activations/{name}/plot` and `POST /network/plot` \
					answer `image/svg+xml`; Swagger UI shows them in the response panel.

					**Errors** are `application/problem+json` (RFC 9457) with `errors[].pointer` (JSON Pointer into \
					the body) or `errors[].parameter` (query or path parameter). Limits (body size, values, rows, \
					layers, neurons, weights, spiral points, skip) are configuration; going over one is 413 (body) \
					or 400, naming the limit's property in `limit` and its value in `limitValue`."""));
	}

}
