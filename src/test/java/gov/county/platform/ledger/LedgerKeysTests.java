package gov.county.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerKeysTests {

	@Test
	void aSealIsHmacSm3AsBouncyCastleComputesIt() {
		byte[] secret = "thirty-two bytes of ledger key!!".getBytes(StandardCharsets.UTF_8);
		LedgerKeys.Key key = new LedgerKeys.Key(secret);
		byte[] message = HexFormat.of().parseHex("00000000000000070102030405060708");
		HMac reference = new HMac(new SM3Digest());
		reference.init(new KeyParameter(secret));
		reference.update(message, 0, message.length);
		byte[] expected = new byte[32];
		reference.doFinal(expected, 0);
		assertThat(key.mac(message)).isEqualTo(expected);
		assertThat(key.seal(7, "ab".repeat(32), null)).isNotEqualTo(key.seal(8, "ab".repeat(32), null))
			.isNotEqualTo(key.seal(7, "ab".repeat(32), "cd".repeat(32)));
	}

	@Test
	void aMissingKeyFileIsWrittenWithANewKeyForItsOwnerOnly(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("keys/ledger.keys");
		LedgerKeys keys = new LedgerKeys(file);
		assertThat(file).exists();
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(keys.current().id()).matches("[0-9a-f]{8}");
		assertThat(new LedgerKeys(file).current().id()).as("read back, the same key").isEqualTo(keys.current().id());
	}

	@Test
	void aNewFirstKeyIsTheCurrentOneAndTheOthersStillFound(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("ledger.keys");
		String first = Base64.getEncoder().encodeToString(new byte[32]);
		Files.writeString(file, first + "\n");
		LedgerKeys keys = new LedgerKeys(file);
		String old = keys.current().id();
		String second = Base64.getEncoder().encodeToString("another key, also 32 bytes long!".getBytes(StandardCharsets.UTF_8));
		Files.writeString(file, "# rotated\n" + second + "\n" + first + "\n");
		keys.reload();
		assertThat(keys.current().id()).isNotEqualTo(old);
		assertThat(keys.find(old)).isPresent();
		assertThat(keys.find("00000000")).isEmpty();
	}

	@Test
	void aKeyFileThatIsNotKeysStopsWithAClearError(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("ledger.keys");
		Files.writeString(file, "not a key!\n");
		assertThatThrownBy(() -> new LedgerKeys(file)).hasMessageContaining("not a base64 key");
		Files.writeString(file, Base64.getEncoder().encodeToString(new byte[4]) + "\n");
		assertThatThrownBy(() -> new LedgerKeys(file)).hasMessageContaining("at least 16");
		Files.writeString(file, "# only a comment\n");
		assertThatThrownBy(() -> new LedgerKeys(file)).hasMessageContaining("holds no key");
	}

}
