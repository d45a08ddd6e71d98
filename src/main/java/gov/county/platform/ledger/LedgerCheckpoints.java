package gov.county.platform.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkpoints of the ledger kept outside the database: every few minutes (when the ledger grew),
 * one line is appended to a file of the month in the checkpoint folder and written through to the
 * disk, and logged by the logger {@code ledger-checkpoints} (for a syslog or log shipper): the
 * ledger's identity, the time, the end of the sealed sequence (its number and seal), the number of
 * cases, every case's chain head that moved since the node's last checkpoint (all of them at its
 * first), and a MAC over all of it with the ledger's key. An operator ships the folder to write-once
 * storage. Verify checks the ledger against every checkpoint it finds: whoever rewrote the
 * database cannot rewrite the checkpoints already shipped.
 */
@Component
public class LedgerCheckpoints {

	/** One checkpoint as written: the fields the MAC covers, and where it was read from. */
	public record Checkpoint(String ledgerId, Instant at, String node, long globalSeq, String seal, long cases,
			List<Head> heads, String keyId, String mac, String source) {
	}

	/** A case's chain head as a checkpoint recorded it. */
	public record Head(String caseNo, int seq, String hash) {
	}

	/** What was read from the checkpoint folder: the valid checkpoints of this ledger, and lines that are not. */
	public record Read(List<Checkpoint> checkpoints, List<String> problems) {
	}

	static final Logger CHECKPOINT_LOG = LoggerFactory.getLogger("ledger-checkpoints");

	private static final Logger log = LoggerFactory.getLogger(LedgerCheckpoints.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

	private final JdbcTemplate jdbc;

	private final LedgerKeys keys;

	private final Path folder;

	private final TransactionTemplate snapshot;

	/** The case heads as of this node's last checkpoint: the next lists only those that moved. */
	private Map<String, Integer> lastHeads = new HashMap<>();

	private long lastSeq = -1;

	LedgerCheckpoints(JdbcTemplate jdbc, LedgerKeys keys, @Value("${platform.ledger.checkpoint-dir}") Path folder,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.folder = folder;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
	}

	@Scheduled(initialDelayString = "${platform.ledger.checkpoint-interval:PT5M}",
			fixedDelayString = "${platform.ledger.checkpoint-interval:PT5M}")
	void scheduled() {
		try {
			write();
		}
		catch (RuntimeException ex) {
			log.error("Could not write a ledger checkpoint to {}: {}", this.folder, ex.getMessage(), ex);
		}
	}

	/** And as the node stops: what it sealed since its last checkpoint is anchored before it goes. */
	@EventListener(ContextClosedEvent.class)
	void atShutdown() {
		scheduled();
	}

	/** Writes a checkpoint when the ledger grew since this node's last one; the one written, or null. */
	public synchronized Checkpoint write() {
		Checkpoint checkpoint = this.snapshot.execute(status -> {
			LedgerSeals.End end = this.jdbc.queryForObject(
					"SELECT ledger_id, last_seq, last_seal FROM ledger_global WHERE id = 1",
					(rs, row) -> new LedgerSeals.End(rs.getString(1), rs.getLong(2), rs.getString(3)));
			if (end.lastSeq() == this.lastSeq || end.lastSeq() == 0) {
				return null;
			}
			// As the platform writes, a case's head and its entries' seals commit together, so the heads
			// this snapshot reads are those of the sealed sequence. Entries of an earlier release are
			// sealed in batches after they were written: until they all are, the heads run ahead of the
			// seals, and the checkpoint waits (verify names any entry left without a seal).
			if (!this.jdbc.queryForList("SELECT id FROM ledger_entry WHERE global_seq IS NULL FETCH FIRST 1 ROWS ONLY",
					Long.class).isEmpty()) {
				log.info("Ledger entries without a seal: the checkpoint waits until they are sealed");
				return null;
			}
			Map<String, Integer> heads = new HashMap<>();
			List<Head> moved = new ArrayList<>();
			// the heads of the sealed entries: a case's head moves at its append, sealed at the commit
			this.jdbc.query("SELECT h.case_no, h.last_seq, h.last_hash FROM ledger_case_head h", rs -> {
				String caseNo = rs.getString(1);
				int seq = rs.getInt(2);
				heads.put(caseNo, seq);
				if (!Integer.valueOf(seq).equals(this.lastHeads.get(caseNo))) {
					moved.add(new Head(caseNo, seq, rs.getString(3)));
				}
			});
			LedgerKeys.Key key = this.keys.current();
			String node = node();
			Instant at = Instant.now();
			String mac = key.sign(canonical(end.ledgerId(), at, node, end.lastSeq(), end.lastSeal(), heads.size(), moved,
					key.id()));
			this.lastHeads = heads;
			this.lastSeq = end.lastSeq();
			return new Checkpoint(end.ledgerId(), at, node, end.lastSeq(), end.lastSeal(), heads.size(), moved, key.id(),
					mac, null);
		});
		if (checkpoint != null) {
			append(checkpoint);
		}
		return checkpoint;
	}

	/** Every checkpoint of the ledger {@code ledgerId} in the checkpoint folder, oldest first. */
	public Read read(String ledgerId) {
		List<Checkpoint> found = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		if (!Files.isDirectory(this.folder)) {
			return new Read(found, problems);
		}
		try (Stream<Path> files = Files.list(this.folder)) {
			for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				for (int i = 0; i < lines.size(); i++) {
					String where = file.getFileName() + ", line " + (i + 1);
					if (lines.get(i).isBlank()) {
						continue;
					}
					try {
						Checkpoint checkpoint = parse(lines.get(i), where);
						if (!checkpoint.ledgerId().equals(ledgerId)) {
							continue;
						}
						String expected = this.keys.find(checkpoint.keyId())
							.map(key -> key.sign(canonical(checkpoint.ledgerId(), checkpoint.at(), checkpoint.node(),
									checkpoint.globalSeq(), checkpoint.seal(), checkpoint.cases(), checkpoint.heads(),
									checkpoint.keyId())))
							.orElse(null);
						if (expected == null) {
							problems.add("the checkpoint at " + where + " is signed with key " + checkpoint.keyId()
									+ ", which the key file does not hold");
						}
						else if (!expected.equals(checkpoint.mac())) {
							problems.add("the checkpoint at " + where + " does not carry a valid MAC: the checkpoint "
									+ "file was altered");
						}
						else {
							found.add(checkpoint);
						}
					}
					catch (RuntimeException malformed) {
						problems.add("the line at " + where + " is not a checkpoint: " + malformed.getMessage());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the ledger checkpoints in " + this.folder, ex);
		}
		found.sort((a, b) -> Long.compare(a.globalSeq(), b.globalSeq()));
		return new Read(found, problems);
	}

	/** Appends the line to this month's file and forces it to the disk, then logs it. */
	private void append(Checkpoint checkpoint) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("ledger", checkpoint.ledgerId());
		line.put("at", checkpoint.at().toString());
		line.put("node", checkpoint.node());
		line.put("globalSeq", checkpoint.globalSeq());
		line.put("seal", checkpoint.seal());
		line.put("cases", checkpoint.cases());
		line.put("heads", checkpoint.heads().stream().map(h -> List.of(h.caseNo(), h.seq(), h.hash())).toList());
		line.put("keyId", checkpoint.keyId());
		line.put("mac", checkpoint.mac());
		try {
			Files.createDirectories(this.folder);
			byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
			Path file = this.folder.resolve("checkpoints-" + MONTH.format(checkpoint.at()) + ".jsonl");
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
					StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(bytes);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write a ledger checkpoint to " + this.folder, ex);
		}
		CHECKPOINT_LOG.info("ledger {} checkpoint at {}: sealed up to global entry {} ({}), {} cases, {} heads moved, "
				+ "key {}, mac {}", checkpoint.ledgerId(), checkpoint.at(), checkpoint.globalSeq(), checkpoint.seal(),
				checkpoint.cases(), checkpoint.heads().size(), checkpoint.keyId(), checkpoint.mac());
	}

	private static Checkpoint parse(String text, String where) {
		JsonNode line;
		try {
			line = JSON.readTree(text);
		}
		catch (IOException notJson) {
			throw new IllegalArgumentException("not JSON");
		}
		List<Head> heads = new ArrayList<>();
		for (JsonNode head : line.required("heads")) {
			heads.add(new Head(head.get(0).asText(), head.get(1).asInt(), head.get(2).asText()));
		}
		return new Checkpoint(line.required("ledger").asText(), Instant.parse(line.required("at").asText()),
				line.required("node").asText(), line.required("globalSeq").asLong(),
				line.get("seal").isNull() ? null : line.get("seal").asText(), line.required("cases").asLong(), heads,
				line.required("keyId").asText(), line.required("mac").asText(), where);
	}

	/** What the MAC covers: every field, each written with its length. */
	private static String canonical(String ledgerId, Instant at, String node, long globalSeq, String seal, long cases,
			List<Head> heads, String keyId) {
		StringBuilder text = new StringBuilder();
		for (String field : new String[] { ledgerId, at.toString(), node, Long.toString(globalSeq), seal,
				Long.toString(cases), keyId }) {
			text.append(field == null ? -1 : field.length()).append(':').append(field == null ? "" : field).append('|');
		}
		for (Head head : heads) {
			text.append(head.caseNo().length()).append(':').append(head.caseNo()).append('|').append(head.seq())
				.append('|').append(head.hash()).append('|');
		}
		return text.toString();
	}

	private static String node() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException unknown) {
			return "unknown";
		}
	}

}
