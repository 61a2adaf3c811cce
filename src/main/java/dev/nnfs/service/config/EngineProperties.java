package dev.nnfs.service.config;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the forward engine splits its work (see docs/performance.md). The defaults are
 * measured on two cores; they change speed only, never a result's bits.
 *
 * @param nativeMinMacs a pass of more multiply-adds than this goes through BLAS dgemm and
 * may use the helper thread; smaller passes run in plain Java with no native call
 * @param blockDoubles float64 values per block buffer: rows are run a block at a time so
 * a block's intermediates stay in the core's cache
 * @param parallel whether a large pass may borrow the helper thread
 * @param gemmCallMacs the most multiply-adds one dgemm call computes (a block's product
 * is split over runs of its rows); {@code 0} chooses from {@code OPENBLAS_CORETYPE}:
 * 1,000,000 for SkylakeX kernels, whose small-matrix path then takes every call, else one
 * call per block
 */
@Validated
@ConfigurationProperties("nnfs.engine")
public record EngineProperties(@Min(0) @DefaultValue("1048576") long nativeMinMacs,
		@Min(1) @DefaultValue("32768") int blockDoubles, @DefaultValue("true") boolean parallel,
		@Min(0) @DefaultValue("0") long gemmCallMacs) {

}
