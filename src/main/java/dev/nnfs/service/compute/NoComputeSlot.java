package dev.nnfs.service.compute;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler under a gated path ({@code nnfs.compute.paths}) that computes nothing
 * (a catalogue lookup): it is served without taking a compute slot, so it answers even
 * when every slot is busy.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NoComputeSlot {

}
