package dev.nnfs.service;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * An HTTP test against the whole application through MockMvc. All such tests share one
 * application context (and one ND4J backend load), and every answer they receive is
 * checked against the OpenAPI document ({@link OpenApiContract}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "nnfs.models.dir=target/test-models/${random.uuid}")
@AutoConfigureMockMvc
@Import(OpenApiContract.Checks.class)
public @interface ApiTest {

}
