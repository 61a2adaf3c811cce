package dev.nnfs.service.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /}: where a person who opens the service's address lands, Swagger UI. */
@RestController
@Hidden
class RootController {

	@GetMapping("/")
	ResponseEntity<Void> root() {
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/swagger-ui.html")).build();
	}

}
