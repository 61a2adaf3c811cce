package dev.nnfs.service.web;

import dev.nnfs.service.config.Limits;
import dev.nnfs.service.network.ForwardRequest;
import dev.nnfs.service.network.ForwardRequestReader;
import dev.nnfs.service.network.NetworkBuilder;
import dev.nnfs.service.tensor.FloatBatch;
import dev.nnfs.service.tensor.BatchDeserializer;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.DoubleBatchSerializer;
import dev.nnfs.service.tensor.FloatBatchSerializer;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * The one JSON mapper of the service: strict reading (duplicate keys, trailing tokens,
 * unknown fields, scalar coercion such as {@code "NaN"} into a number are all errors),
 * read constraints that match {@link Limits}, float32 written in shortest round-trip
 * form, the {@link FloatBatch} mapping every endpoint shares, and the HTTP converter that
 * reads large batches from the body's bytes.
 */
@Configuration(proxyBeanMethods = false)
class JacksonConfiguration {

	@Bean
	JsonFactoryBuilderCustomizer readConstraints(Limits limits) {
		return (builder) -> builder
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(limits.maxJsonNestingDepth())
				.maxNumberLength(limits.maxJsonNumberLength())
				.maxStringLength(limits.maxJsonStringLength())
				.maxNameLength(limits.maxJsonStringLength())
				.maxDocumentLength(limits.maxBodySize().toBytes())
				.build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
			.disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
			.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
	}

	@Bean
	JsonMapperBuilderCustomizer strictMapping(Limits limits, NetworkBuilder networks) {
		SimpleModule batches = new SimpleModule("float-batch");
		batches.addDeserializer(DoubleBatch.class, new BatchDeserializer(limits));
		batches.addSerializer(FloatBatch.class, new FloatBatchSerializer());
		batches.addSerializer(DoubleBatch.class, new DoubleBatchSerializer());
		batches.addDeserializer(ForwardRequest.class, new ForwardRequestReader(networks));
		return (builder) -> builder.addModule(batches)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
	}

	/**
	 * Spring's JSON converter on this mapper, reading the {@code inputs} batch of a body
	 * from its bytes before Jackson reads the rest ({@link PrescanningJsonConverter}). It
	 * takes the place of the converter Spring Boot configures, in the same position of
	 * the list (a converter bean would go first, before the one for {@code byte[]}).
	 */
	@Bean
	ServerHttpMessageConvertersCustomizer prescanningJsonConverter(JsonMapper mapper, Limits limits) {
		PrescanningJsonConverter converter = new PrescanningJsonConverter(mapper, limits);
		return (builder) -> builder.configureMessageConvertersList((converters) -> converters
			.replaceAll((c) -> c.getClass() == JacksonJsonHttpMessageConverter.class ? converter : c));
	}

}
