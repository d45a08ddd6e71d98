package gov.county.platform.api;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/public/status}: UP when this node has finished starting (organisation, users,
 * deployments) and reaches its database; 503 STARTING or DOWN otherwise. For load balancers and
 * monitoring; open without login; says nothing about cases.
 */
@RestController
class PublicStatusController {

	private final JdbcTemplate jdbc;

	private final AtomicBoolean ready = new AtomicBoolean();

	PublicStatusController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		this.ready.set(true);
	}

	@GetMapping("/api/public/status")
	ResponseEntity<Map<String, String>> status() {
		if (!this.ready.get()) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "STARTING"));
		}
		try {
			this.jdbc.queryForObject("SELECT 1", Integer.class);
			return ResponseEntity.ok(Map.of("status", "UP"));
		}
		catch (DataAccessException ex) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "DOWN"));
		}
	}

}
