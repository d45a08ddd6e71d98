package gov.county.platform.api;

import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/public/status}: UP when this node reaches its database, for load balancers and
 * monitoring. Open without login; says nothing about cases.
 */
@RestController
class PublicStatusController {

	private final JdbcTemplate jdbc;

	PublicStatusController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/api/public/status")
	ResponseEntity<Map<String, String>> status() {
		try {
			this.jdbc.queryForObject("SELECT 1", Integer.class);
			return ResponseEntity.ok(Map.of("status", "UP"));
		}
		catch (DataAccessException ex) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "DOWN"));
		}
	}

}
