package gov.county.platform.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.county.platform.api.ApiProblem;
import gov.county.platform.organization.WellKnownGroups;
import gov.county.platform.security.PlatformUser;

/** {@code POST /api/admin/backup}: an online backup of the embedded database, for admins. */
@RestController
class BackupController {

	private final BackupService backups;

	BackupController(BackupService backups) {
		this.backups = backups;
	}

	@PostMapping("/api/admin/backup")
	ResponseEntity<Map<String, Object>> backup(PlatformUser user) throws IOException {
		if (!user.groups().contains(WellKnownGroups.ADMINS)) {
			throw ApiProblem.forbidden("Only admins (camunda-admin) may take backups");
		}
		if (!this.backups.supported()) {
			throw new ApiProblem(HttpStatus.CONFLICT, null,
					"This platform runs on PostgreSQL: back it up with pg_dump (see docs/operations.md)");
		}
		Path file = this.backups.backup();
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("file", file.toString(), "bytes", Files.size(file)));
	}

}
