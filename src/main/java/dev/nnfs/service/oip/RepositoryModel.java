package dev.nnfs.service.oip;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of the model repository index ({@code POST /v2/repository/index} answers an
 * array of them, Triton's {@code $repository_index_response}).
 *
 * @param version null leaves the field out
 * @param state {@code READY}, {@code UNAVAILABLE}, {@code LOADING}, {@code UNLOADING} or
 * {@code UNKNOWN} (the states MLServer's schema lists)
 * @param reason why the model is in that state; empty when there is nothing to say
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RepositoryModel(String name, String version, String state, String reason) {
}
