package dev.nnfs.service.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexPageTransformer;
import org.springdoc.webmvc.ui.SwaggerIndexTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * Makes Swagger UI show SVG answers as pictures. Swagger UI renders an
 * {@code image/svg+xml} response body as XML text (it matches "xml" before "image/"), so
 * the plot endpoints would show markup instead of their picture. This adds a small
 * Swagger UI plugin to springdoc's {@code swagger-initializer.js} that draws such a body
 * as an {@code <img>} (from a {@code data:} URL, where scripts in an SVG never run) above
 * the usual text view.
 */
@Configuration(proxyBeanMethods = false)
class SwaggerUiSvgPreview {

	/** A Swagger UI plugin: wraps the response body component. */
	static final String PLUGIN = """
			const NnfsSvgPreview = function (system) {
			  return {
			    wrapComponents: {
			      responseBody: (Original, sys) => (props) => {
			        const React = sys.React;
			        const type = String(props.contentType || "");
			        const body = props.content;
			        if (!/^image\\/svg\\+xml/i.test(type) || !body) {
			          return React.createElement(Original, props);
			        }
			        const src = (typeof body === "string")
			          ? "data:image/svg+xml;charset=utf-8," + encodeURIComponent(body)
			          : URL.createObjectURL(body);
			        return React.createElement("div", { className: "nnfs-svg-preview" },
			          React.createElement("h5", null, "Picture"),
			          React.createElement("img", { src: src, alt: "the SVG answer, drawn",
			            style: { maxWidth: "100%", background: "#fff", border: "1px solid #ddd" } }),
			          React.createElement(Original, props));
			      }
			    }
			  };
			};
			""";

	/** Where the plugin joins Swagger UI's plugin list in the initializer. */
	private static final String PLUGINS = "plugins: [";

	@Bean
	SwaggerIndexTransformer svgPreviewIndexTransformer(SwaggerUiConfigProperties config, SwaggerUiOAuthProperties oauth,
			SwaggerWelcomeCommon welcome, ObjectMapperProvider mapper) {
		return new SwaggerIndexPageTransformer(config, oauth, welcome, mapper) {

			@Override
			public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
					throws IOException {
				Resource transformed = super.transform(request, resource, chain);
				String name = resource.getFilename();
				if (name == null || !name.equals("swagger-initializer.js")) {
					return transformed;
				}
				String js = new String(transformed.getContentAsByteArray(), StandardCharsets.UTF_8);
				if (!js.contains(PLUGINS)) {
					return transformed;
				}
				js = PLUGIN + js.replace(PLUGINS, PLUGINS + "NnfsSvgPreview, ");
				return new TransformedResource(resource, js.getBytes(StandardCharsets.UTF_8));
			}

		};
	}

}
