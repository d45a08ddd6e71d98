package gov.county.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;

import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's files opened for synchronous writes ({@code jdbc:h2:dsync:...}): every write reaches the disk
 * before it returns (O_DSYNC). With {@code WRITE_DELAY=0}, H2 writes a transaction's changes before
 * its commit returns; this makes those writes durable too, so an acknowledged commit survives a
 * killed process and a power loss or an operating system crash alike. H2 itself offers no setting
 * for it: it has a pluggable file system instead, of which this is a file system of its own.
 */
public final class DsyncFilePath extends FilePathWrapper {

	public static final String SCHEME = "dsync";

	@Override
	public String getScheme() {
		return SCHEME;
	}

	@Override
	public FileChannel open(String mode) throws IOException {
		return getBase().open("rw".equals(mode) ? "rwd" : mode);
	}

	/** Makes the scheme known to H2; before any connection opens a {@code dsync:} database. */
	public static void register() {
		FilePath.register(new DsyncFilePath());
	}

}
