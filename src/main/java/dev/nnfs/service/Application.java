package dev.nnfs.service;

import dev.nnfs.service.nd4j.Nd4jBackendLoader;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

	public static void main(String[] args) {
		Nd4jBackendLoader.startInBackground();
		SpringApplication.run(Application.class, args);
	}

}
